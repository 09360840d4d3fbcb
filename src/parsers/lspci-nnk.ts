/**
 * `lspci -nnk` (evidence id `lspci-nnk`).
 *
 * Sample: test/fixtures/lspci-nnk/guide-nvidia-grep-A3.txt, lines 1–4 (verbatim):
 *   42:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] [10de:1b06] (rev a1)
 *   Subsystem: NVIDIA Corporation Device [10de:120f]
 *   Kernel driver in use: vfio-pci
 *   Kernel modules: nouveau
 * Output: one LspciDevice per function: the device line (see pci-address.ts), `subsystem`,
 * `driver` ("Kernel driver in use"), `modules` ("Kernel modules", comma list), `iommuGroup` when
 * an `IOMMU group: N` line is present (lspci -vv on pciutils ≥ 3.7 prints it; -k alone does not),
 * and the block's lines as evidence.
 * Quirks: the seed guide's paste lost the tab indentation of detail lines (fixture above), so
 * detail lines are recognised by their label, indented or not; a device with no bound driver has
 * no "Kernel driver in use" line (test/fixtures/lspci-nnk/firecracker-6.18.txt, 00:00.0);
 * `grep -A` separators (`--`) and stderr noise such as `lspci: Unable to load libkmod resources:
 * error -2` (this machine, when stderr is merged) go to `unparsed`.
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { parsePciDeviceLine, splitTrailingIds, type PciDeviceLine, type PciIds } from './pci-address.js';

export interface LspciSubsystem {
  readonly line: number;
  readonly text: string;
  readonly name: string;
  readonly vendorId?: string;
  readonly deviceId?: string;
}

export interface LspciDevice extends PciDeviceLine {
  readonly line: number;
  readonly text: string;
  readonly subsystem?: LspciSubsystem;
  readonly driver?: { readonly line: number; readonly text: string; readonly name: string };
  readonly modules?: { readonly line: number; readonly text: string; readonly names: readonly string[] };
  readonly iommuGroup?: { readonly line: number; readonly text: string; readonly group: number };
  /** Every line of the block, device line first. */
  readonly lines: readonly SourceLine[];
}

export interface LspciNnk {
  readonly devices: readonly LspciDevice[];
  readonly unparsed: readonly UnparsedLine[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Applies one detail line to the device; false when the line is not a known label. */
export function applyDetail(dev: Mutable<LspciDevice>, l: SourceLine): boolean {
  const t = l.text.trim();
  if (t.startsWith('Subsystem: ')) {
    const { name, ids } = splitTrailingIds(t.slice(11));
    dev.subsystem = { line: l.line, text: l.text, name, ...((ids ?? {}) as Partial<PciIds>) };
    return true;
  }
  if (t.startsWith('Kernel driver in use: ')) {
    dev.driver = { line: l.line, text: l.text, name: t.slice(22).trim() };
    return true;
  }
  if (t.startsWith('Kernel modules: ')) {
    const names = t
      .slice(16)
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    dev.modules = { line: l.line, text: l.text, names };
    return true;
  }
  if (t.startsWith('IOMMU group: ')) {
    const g = t.slice(13).trim();
    if (/^\d{1,9}$/.test(g)) {
      dev.iommuGroup = { line: l.line, text: l.text, group: Number(g) };
      return true;
    }
  }
  return false;
}

export function parseLspciNnk(text: string): LspciNnk {
  const devices: LspciDevice[] = [];
  const unparsed: UnparsedLine[] = [];
  let cur: (Mutable<LspciDevice> & { lines: SourceLine[] }) | undefined;
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') continue;
    const head = parsePciDeviceLine(l.text);
    if (head) {
      cur = { ...head, line: l.line, text: l.text, lines: [l] };
      devices.push(cur);
      continue;
    }
    if (cur && applyDetail(cur, l)) {
      cur.lines.push(l);
      continue;
    }
    const indented = l.text.charCodeAt(0) === 9 || l.text.charCodeAt(0) === 32;
    if (cur && indented) cur.lines.push(l);
    else unparsed.push(l);
  }
  return { devices, unparsed };
}
