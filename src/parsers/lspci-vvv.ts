/**
 * `lspci -nnvvv` (evidence id `lspci-vvv`) and sosreport's `lspci -nnvv`
 * (sos_commands/pci/lspci_-nnvv); also plain `lspci -vvxxx` as pciutils keeps in its tests/.
 *
 * Sample: test/fixtures/lspci-vvv/pciutils-cap-pcie-2-nnvvv.txt, lines 21–23 (verbatim):
 *   	Capabilities: [a0] Express (v2) Endpoint, MSI 00
 *   		DevCap:	MaxPayload 512 bytes, PhantFunc 0, Latency L0s <512ns, L1 <64us
 *   			ExtTag- AttnBtn- AttnInd- PwrInd- RBE+ FLReset+ SlotPowerLimit 0W
 * Output: per device the identity of lspci-nnk (device line, subsystem, driver, modules, IOMMU
 * group) plus what passthrough rules need: `express` (port type: Endpoint, Root Port, Downstream
 * Port…), `flr` (FLReset± of DevCap), `sriov` (Initial/Total/Number of VFs), `acs` (ACSCap and
 * ACSCtl flags), `regions` (BARs), `capabilities` (every `Capabilities: [off] name` line), and
 * the block's lines as evidence.
 * Quirks:
 * - FLReset appears twice: DevCap says whether the function can do FLR, DevCtl carries the
 *   "initiate" bit and always reads `FLReset-` (sample above, line 25). Only the DevCap value is
 *   used; the flag sits on DevCap's continuation line, so continuation lines (one tab deeper)
 *   are attributed to the label above them.
 * - `Capabilities: [40] Subsystem: …` on bridges (pciutils-cap-aer-root-nnvvv.txt, line 14) is a
 *   capability, not the device's Subsystem line: detail labels count only at one tab of indent.
 * - without root, lspci prints `Capabilities: <access denied>`; nothing is inferred then.
 * - `lspci -xxx` hex dump lines (`00: 86 80 c9 10 …`, pciutils-cap-pcie-2-vvxxx.txt) belong to
 *   the device above and are kept in its lines, not reported as unparsed.
 * - "Kernel modules" is printed only when lspci can read the kernel's module aliases; this
 *   machine printed `lspci: Unable to load libkmod resources: error -2` on stderr and no
 *   modules (firecracker-6.18.txt).
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { applyDetail, type LspciDevice } from './lspci-nnk.js';
import { parsePciDeviceLine } from './pci-address.js';

interface Cited {
  readonly line: number;
  readonly text: string;
}

export interface PciCapability extends Cited {
  /** Hex offset as printed: `a0`, `160`, `140 v1`'s `140`. */
  readonly offset: string;
  readonly name: string;
}

export interface PciRegion extends Cited {
  readonly index: number;
  readonly kind: 'memory' | 'io';
  readonly address?: string;
  readonly disabled: boolean;
  readonly virtual: boolean;
}

export interface AcsFlags extends Cited {
  /** `SrcValid+` → SrcValid: true. */
  readonly flags: Readonly<Record<string, boolean>>;
}

export interface LspciVerboseDevice extends LspciDevice {
  readonly capabilities: readonly PciCapability[];
  readonly express?: Cited & { readonly version?: number; readonly type: string };
  readonly flr?: Cited & { readonly capable: boolean };
  readonly sriov?: Cited & {
    readonly initialVfs?: number;
    readonly totalVfs?: number;
    readonly numVfs?: number;
    readonly countsLine?: Cited;
  };
  readonly acs?: Cited & { readonly cap?: AcsFlags; readonly ctl?: AcsFlags };
  readonly regions: readonly PciRegion[];
  readonly accessDenied: boolean;
}

export interface LspciVvv {
  readonly devices: readonly LspciVerboseDevice[];
  readonly unparsed: readonly UnparsedLine[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Dev = Mutable<LspciVerboseDevice> & { lines: SourceLine[]; capabilities: PciCapability[]; regions: PciRegion[] };

const CAP = /^Capabilities: \[([0-9a-f]{1,4})(?: v\d{1,3})?\] /;
const REGION = /^Region (\d): (Memory at|I\/O ports at) ([0-9a-f]{1,16}|<unassigned>|<ignored>)/;
const HEXDUMP = /^[0-9a-f]{2,3}:(?: [0-9a-f]{2}){1,16}$/;
const EXPRESS = /^Express (?:\(v(\d)\) )?([A-Za-z][A-Za-z -]{0,40}?)(?: \(|,|$)/;

function depth(text: string): number {
  let d = 0;
  while (d < text.length && text.charCodeAt(d) === 9) d++;
  return d;
}

function flags(s: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const w of s.split(/[\s,]+/)) {
    const last = w.charCodeAt(w.length - 1);
    if (w.length > 1 && (last === 43 || last === 45)) out[w.slice(0, -1)] = last === 43;
  }
  return out;
}

function num(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,6}$/.test(s) ? Number(s) : undefined;
}

function applyCapabilityLine(dev: Dev, l: SourceLine, t: string): void {
  const m = CAP.exec(t);
  if (!m || !m[1]) {
    if (t.startsWith('Capabilities: <access denied>')) dev.accessDenied = true;
    return;
  }
  const name = t.slice(m[0].length);
  dev.capabilities.push({ line: l.line, text: l.text, offset: m[1], name });
  const e = EXPRESS.exec(name);
  if (e && e[2]) dev.express = { line: l.line, text: l.text, ...(e[1] ? { version: Number(e[1]) } : {}), type: e[2].trim() };
  if (name.includes('(SR-IOV)')) dev.sriov = { line: l.line, text: l.text };
  if (name.startsWith('Access Control Services')) dev.acs = { line: l.line, text: l.text };
}

export function parseLspciVvv(text: string): LspciVvv {
  const devices: LspciVerboseDevice[] = [];
  const unparsed: UnparsedLine[] = [];
  let cur: Dev | undefined;
  let capName = '';
  let label = '';
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') continue;
    const head = parsePciDeviceLine(l.text);
    if (head) {
      cur = { ...head, line: l.line, text: l.text, lines: [l], capabilities: [], regions: [], accessDenied: false };
      devices.push(cur);
      capName = '';
      label = '';
      continue;
    }
    if (!cur) {
      unparsed.push(l);
      continue;
    }
    const d = depth(l.text);
    const t = l.text.trim();
    if (d === 0) {
      if (HEXDUMP.test(t)) cur.lines.push(l);
      else unparsed.push(l);
      continue;
    }
    cur.lines.push(l);
    if (d === 1) {
      capName = '';
      label = '';
      if (t.startsWith('Capabilities: ')) {
        applyCapabilityLine(cur, l, t);
        capName = cur.capabilities[cur.capabilities.length - 1]?.name ?? '';
        continue;
      }
      const r = REGION.exec(t);
      if (r && r[1] && r[2] && r[3]) {
        const addr = r[3].startsWith('<') ? {} : { address: r[3] };
        cur.regions.push({
          line: l.line,
          text: l.text,
          index: Number(r[1]),
          kind: r[2] === 'Memory at' ? 'memory' : 'io',
          ...addr,
          disabled: t.includes('[disabled]'),
          virtual: t.includes('[virtual]'),
        });
        continue;
      }
      applyDetail(cur, l);
      continue;
    }
    if (d === 2) {
      const colon = t.indexOf(':');
      label = colon > 0 && colon < 24 ? t.slice(0, colon) : label;
    }
    applyCapabilityDetail(cur, l, t, capName, label);
  }
  return { devices, unparsed };
}

function applyCapabilityDetail(dev: Dev, l: SourceLine, t: string, capName: string, label: string): void {
  if (capName.startsWith('Express') && label === 'DevCap') {
    if (t.includes('FLReset+')) dev.flr = { line: l.line, text: l.text, capable: true };
    else if (t.includes('FLReset-')) dev.flr = { line: l.line, text: l.text, capable: false };
    return;
  }
  if (capName.includes('(SR-IOV)') && t.startsWith('Initial VFs:') && dev.sriov) {
    const m = /^Initial VFs: (\d+), Total VFs: (\d+), Number of VFs: (\d+)/.exec(t);
    const [iv, tv, nv] = [num(m?.[1]), num(m?.[2]), num(m?.[3])];
    dev.sriov = {
      ...dev.sriov,
      ...(iv === undefined ? {} : { initialVfs: iv }),
      ...(tv === undefined ? {} : { totalVfs: tv }),
      ...(nv === undefined ? {} : { numVfs: nv }),
      countsLine: { line: l.line, text: l.text },
    };
    return;
  }
  if (capName.startsWith('Access Control Services') && dev.acs) {
    if (t.startsWith('ACSCap:')) dev.acs = { ...dev.acs, cap: { line: l.line, text: l.text, flags: flags(t.slice(7)) } };
    else if (t.startsWith('ACSCtl:')) dev.acs = { ...dev.acs, ctl: { line: l.line, text: l.text, flags: flags(t.slice(7)) } };
  }
}
