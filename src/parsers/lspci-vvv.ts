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
 * - pasted listings often lost their tabs: each indent level is then a run of spaces (a forum's
 *   8, a chat's 2), so the unit is the smallest space indent the listing has and a line's depth is
 *   its tabs plus its spaces in units.
 * - `driverKnown` and `--` separators as in lspci-nnk.ts: lspci -vvv prints a blank line after each
 *   function, so a block that ends at a blank line was seen whole.
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { applyDetail, driverKnownOf, frameBlocks, type LspciDevice } from './lspci-nnk.js';

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

/** Indent level: tabs count one each, spaces count in units of `spaceUnit`. */
function depth(text: string, spaceUnit: number): number {
  let tabs = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) tabs++;
    else if (c === 32) spaces++;
    else break;
  }
  return tabs + Math.floor(spaces / spaceUnit);
}

/** The smallest run of leading spaces on any indented line (lines indented with tabs do not count). */
function spaceIndentUnit(lines: readonly SourceLine[]): number {
  let unit = Infinity;
  for (const l of lines) {
    if (l.text.charCodeAt(0) !== 32) continue;
    let n = 0;
    while (n < l.text.length && l.text.charCodeAt(n) === 32) n++;
    if (n < l.text.length && n < unit) unit = n;
  }
  return unit === Infinity ? 8 : unit;
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
  const unparsed: UnparsedLine[] = [];
  const lines = splitLines(text);
  const unit = spaceIndentUnit(lines);
  const seen = { kernelLines: false, orphanIndented: false };
  // The capability and the detail label (`DevCap`, `ACSCap`…) the lines below them belong to.
  let capName = '';
  let label = '';
  const framed = frameBlocks<Dev>(
    lines,
    unparsed,
    (head, l) => {
      capName = '';
      label = '';
      return { ...head, line: l.line, text: l.text, driverKnown: false, lines: [l], capabilities: [], regions: [], accessDenied: false };
    },
    (dev, l, t) => {
      if (!dev) {
        if (l.text.charCodeAt(0) === 9 || l.text.charCodeAt(0) === 32) seen.orphanIndented = true;
        unparsed.push(l);
        return;
      }
      const d = depth(l.text, unit);
      if (d === 0) {
        if (HEXDUMP.test(t)) dev.lines.push(l);
        else unparsed.push(l);
        return;
      }
      dev.lines.push(l);
      if (d === 1) {
        capName = '';
        label = '';
        if (t.startsWith('Capabilities: ')) {
          applyCapabilityLine(dev, l, t);
          capName = dev.capabilities[dev.capabilities.length - 1]?.name ?? '';
        } else if (!applyRegionLine(dev, l, t) && applyDetail(dev, l) && t.startsWith('Kernel ')) seen.kernelLines = true;
        return;
      }
      if (d === 2) {
        const colon = t.indexOf(':');
        label = colon > 0 && colon < 24 ? t.slice(0, colon) : label;
      }
      applyCapabilityDetail(dev, l, t, capName, label);
    },
  );
  const listing = { kernelLines: seen.kernelLines, cut: framed.separated || seen.orphanIndented, verbose: true };
  const devices = framed.blocks.map(({ dev, end }) => {
    dev.driverKnown = driverKnownOf(dev, end, listing);
    return dev as LspciVerboseDevice;
  });
  return { devices, unparsed };
}

/** `Region N: Memory at …` / `I/O ports at …`: a BAR; false when the line is not one. */
function applyRegionLine(dev: Dev, l: SourceLine, t: string): boolean {
  const r = REGION.exec(t);
  if (!r || !r[1] || !r[2] || !r[3]) return false;
  const addr = r[3].startsWith('<') ? {} : { address: r[3] };
  dev.regions.push({
    line: l.line,
    text: l.text,
    index: Number(r[1]),
    kind: r[2] === 'Memory at' ? 'memory' : 'io',
    ...addr,
    disabled: t.includes('[disabled]'),
    virtual: t.includes('[virtual]'),
  });
  return true;
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
