/**
 * The lspci lines inside an IOMMU group listing, as an lspci listing: the group-listing scripts
 * print `lspci -nns <address>` for each member (`IOMMU Group 1 00:01.0 PCI bridge [0604]: …`, or
 * an indented line under `IOMMU Group 1:`), and ls-iommu adds lspci -k's driver lines under each
 * member (`IOMMU Group  12: 0000:01:00.0 USB controller [0c03] Advanced Micro Devices … [1022:43d0]
 * (rev 01)` then `Kernel driver in use: xhci_hcd`, test/real-cases/cases/
 * github-hikariknight-quickpassthrough-22-rtx3060-chipset-group/ls-iommu-grk.txt; ls-iommu leaves
 * out the colon after the class). When no lspci listing was given, these lines are the PCI
 * inventory; without driver lines, every driver is unknown (lspci-nnk.ts `driverKnown`).
 */
import { deviceLine } from '../parsers/lspci-nnk.js';
import type { Piece } from './read-pieces.js';
import { plainText, type RenderedLine } from './render-piece.js';

const LOOP_PREFIX = /^IOM{1,3}U {1,4}[Gg]roup:? {1,4}\d{1,9}:? {1,4}/;
const DETAIL = /^\s+(?:Subsystem|Kernel driver in use|Kernel modules): \S/;
/** ls-iommu's `<address> <class> [cccc] <name>` → lspci's `<address> <class> [cccc]: <name>`. */
const CLASS_WITHOUT_COLON = /^(\S{7,12} [^[\]]{1,80} \[[0-9a-f]{4}\]) (?=\S)/;

function asDeviceLine(rest: string): string | null {
  const member = /^Group Device: (\S{7,12}) - /.exec(rest);
  const t = member ? `${member[1]} ${rest.slice(member[0].length)}` : rest;
  if (deviceLine(t)) return t;
  const fixed = t.replace(CLASS_WITHOUT_COLON, '$1: ');
  return fixed !== t && deviceLine(fixed) ? fixed : null;
}

export function lspciOfGroupListing(pieces: readonly Piece[]): RenderedLine[] {
  const out: RenderedLine[] = [];
  const seen = new Set<string>();
  let keep = false;
  for (const p of pieces) {
    for (const l of p.lines) {
      const t = plainText(l.text);
      const loop = LOOP_PREFIX.exec(t);
      const candidate = loop ? t.slice(loop[0].length) : /^\s/.test(t) ? t.trim() : '';
      const line = candidate === '' ? null : asDeviceLine(candidate);
      const dev = line === null ? undefined : deviceLine(line);
      if (line !== null && dev) {
        keep = !seen.has(dev.address);
        seen.add(dev.address);
        if (keep) out.push({ text: line, origin: { input: p.input, line: l.line, text: l.text } });
        continue;
      }
      if (keep && DETAIL.test(t)) out.push({ text: t, origin: { input: p.input, line: l.line, text: l.text } });
      else keep = keep && DETAIL.test(t);
    }
  }
  return out;
}
