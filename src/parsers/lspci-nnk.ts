/**
 * `lspci -nnk` (evidence id `lspci-nnk`), and the other listings support is pasted: `-k`, `-nn`,
 * `-n`, plain `lspci`, `-v`, each possibly cut by grep.
 *
 * Sample: test/fixtures/lspci-nnk/guide-nvidia-grep-A3.txt, lines 1–4 (verbatim):
 *   42:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] [10de:1b06] (rev a1)
 *   Subsystem: NVIDIA Corporation Device [10de:120f]
 *   Kernel driver in use: vfio-pci
 *   Kernel modules: nouveau
 * Output: one LspciDevice per function: the device line (see pci-address.ts), `subsystem`,
 * `driver` ("Kernel driver in use"), `modules` ("Kernel modules", comma list), `iommuGroup` when
 * an `IOMMU group: N` line is present (lspci -vv on pciutils ≥ 3.7 prints it; -k alone does not),
 * `driverKnown`, and the block's lines as evidence.
 *
 * `driverKnown` says whether a missing "Kernel driver in use" line means that no driver is bound.
 * lspci -k prints, per function, the device line, Subsystem, "Kernel driver in use" (when bound)
 * and "Kernel modules" (when lspci can read the module aliases), in that order. So the absence
 * means "no driver" only when the listing has kernel lines at all (-k or -v; `lspci -nnk | grep
 * AMD` keeps only device lines, test/real-cases/cases/github-kholia-osx-kvm-notes-rx580-vfio-healthy/
 * lspci-nnk-grep-amd.txt) and the block was seen whole: it holds "Kernel modules" (printed after
 * the driver line), or the next function's line follows it directly in an uncut listing, or a
 * blank line ends it in a -v listing. A block that a grep context may have shortened — the
 * listing has `--` separators or lines cut from a block's start — or the block that ends the input
 * without "Kernel modules" is *driver unknown* (`driverKnown: false`).
 *
 * A function listed twice (two pastes joined) is one device: the first block, completed from the
 * later one.
 * Quirks: the seed guide's paste lost the tab indentation of detail lines (fixture above), so
 * detail lines are recognised by their label, indented or not; a device with no bound driver has
 * no "Kernel driver in use" line (test/fixtures/lspci-nnk/firecracker-6.18.txt, 00:00.0);
 * `grep -A` separators (`--`) end the block above them and go to `unparsed`, as does stderr noise
 * such as `lspci: Unable to load libkmod resources: error -2` (this machine, when stderr is
 * merged); `lspci -n` prints class code and ids bare (`01:00.0 0300: 1002:67df (rev ef)`,
 * `Subsystem: 1da2:e366`, test/real-cases/cases/github-kholia-osx-kvm-notes-rx580-vfio-healthy/
 * lspci-nkk-d-1002-67df.txt), read into `classCode`, `vendorId` and `deviceId`.
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
  /** A missing `driver` means no driver is bound (true), or the listing cannot tell (false). */
  readonly driverKnown: boolean;
  /** Every line of the block, device line first. */
  readonly lines: readonly SourceLine[];
}

export interface LspciNnk {
  readonly devices: readonly LspciDevice[];
  readonly unparsed: readonly UnparsedLine[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What followed a block's last line: the next device line, a `--` separator, a blank line, or the end of the input. */
export type BlockEnd = 'device' | 'separator' | 'blank' | 'input-end';

const BARE_IDS = /^([0-9a-f]{4}):([0-9a-f]{4})$/i;
const BARE_CLASS = /^[0-9a-f]{4}$/i;

/** The device line, with `lspci -n`'s bare class code and ids read as -nn's bracketed ones. */
export function deviceLine(text: string): PciDeviceLine | undefined {
  const head = parsePciDeviceLine(text);
  if (!head || head.classCode !== undefined || !BARE_CLASS.test(head.className)) return head;
  const ids = BARE_IDS.exec(head.description);
  return ids
    ? { ...head, classCode: head.className.toLowerCase(), vendorId: ids[1]!.toLowerCase(), deviceId: ids[2]!.toLowerCase() }
    : head;
}

/** Whether a missing driver line means "no driver" (see the header comment). */
export function driverKnownOf(
  dev: Pick<LspciDevice, 'driver' | 'modules'>,
  end: BlockEnd,
  listing: { readonly kernelLines: boolean; readonly cut: boolean; readonly verbose: boolean },
): boolean {
  if (dev.driver) return true;
  if (!listing.kernelLines) return false;
  if (dev.modules) return true;
  if (end === 'blank' && listing.verbose) return true;
  return end === 'device' && !listing.cut;
}

/** Applies one detail line to the device; false when the line is not a known label. */
export function applyDetail(dev: Mutable<LspciDevice>, l: SourceLine): boolean {
  const t = l.text.trim();
  if (t.startsWith('Subsystem: ')) {
    const bare = BARE_IDS.exec(t.slice(11).trim());
    const { name, ids } = bare
      ? { name: t.slice(11).trim(), ids: { vendorId: bare[1]!.toLowerCase(), deviceId: bare[2]!.toLowerCase() } }
      : splitTrailingIds(t.slice(11));
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

/** A device's block while a listing is read, and what ended it. */
export interface FramedBlock<D> {
  readonly dev: D;
  end: BlockEnd;
}

/**
 * The framing both lspci readers share: a device line opens a block (ending the open one at
 * 'device', or 'blank' after a blank line); a grep `--` separator ends it, goes to `unparsed` and
 * marks the listing `separated`; every other non-blank line goes to `body` with the open block's
 * device (undefined before the first device line and after a separator).
 */
export function frameBlocks<D>(
  lines: readonly SourceLine[],
  unparsed: UnparsedLine[],
  open: (head: PciDeviceLine, l: SourceLine) => D,
  body: (dev: D | undefined, l: SourceLine, t: string) => void,
): { readonly blocks: readonly FramedBlock<D>[]; readonly separated: boolean } {
  const blocks: FramedBlock<D>[] = [];
  let cur: FramedBlock<D> | undefined;
  let blank = false;
  let separated = false;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '') {
      blank = true;
      continue;
    }
    const head = deviceLine(l.text);
    if (head) {
      if (cur) cur.end = blank ? 'blank' : 'device';
      cur = { dev: open(head, l), end: 'input-end' };
      blocks.push(cur);
    } else if (t === '--') {
      if (cur) cur.end = 'separator';
      cur = undefined;
      separated = true;
      unparsed.push(l);
    } else body(cur?.dev, l, t);
    blank = false;
  }
  if (cur && blank) cur.end = 'blank';
  return { blocks, separated };
}

export function parseLspciNnk(text: string): LspciNnk {
  type Block = Mutable<LspciDevice> & { lines: SourceLine[] };
  const unparsed: UnparsedLine[] = [];
  const seen = { kernelLines: false, verbose: false, orphanDetail: false };
  const framed = frameBlocks<Block>(
    splitLines(text),
    unparsed,
    (head, l) => openBlock(head, l),
    (dev, l, t) => {
      if (dev && applyDetail(dev, l)) {
        dev.lines.push(l);
        if (t.startsWith('Kernel ')) seen.kernelLines = true;
        return;
      }
      const indented = l.text.charCodeAt(0) === 9 || l.text.charCodeAt(0) === 32;
      if (dev && indented) {
        dev.lines.push(l);
        if (t.startsWith('Flags: ') || t.startsWith('Capabilities: ') || t.startsWith('Control: ')) seen.verbose = true;
        return;
      }
      // A detail line with no device line above it: a grep -B context cut the block's start.
      if (!dev && isDetailLabel(t)) seen.orphanDetail = true;
      unparsed.push(l);
    },
  );
  const listing = { kernelLines: seen.kernelLines, cut: framed.separated || seen.orphanDetail, verbose: seen.verbose };
  const byAddress = new Map<string, Block>();
  for (const { dev, end } of framed.blocks) {
    dev.driverKnown = driverKnownOf(dev, end, listing);
    const first = byAddress.get(dev.address);
    if (first) mergeInto(first, dev);
    else byAddress.set(dev.address, dev);
  }
  return { devices: [...byAddress.values()], unparsed };
}

/**
 * A device's block, its fields set one by one in the device line's order (no spread): blocks of
 * a listing then share a few object shapes, so filling in the detail lines stays fast on a
 * listing of thousands of devices (blocks spread from device lines took ~2 µs per detail line).
 */
function openBlock(head: PciDeviceLine, l: SourceLine): Mutable<LspciDevice> & { lines: SourceLine[] } {
  const b = { address: head.address, slot: head.slot, className: head.className } as Mutable<LspciDevice> & { lines: SourceLine[] };
  if (head.classCode !== undefined) b.classCode = head.classCode;
  b.description = head.description;
  if (head.vendorId !== undefined) b.vendorId = head.vendorId;
  if (head.deviceId !== undefined) b.deviceId = head.deviceId;
  if (head.rev !== undefined) b.rev = head.rev;
  if (head.progIf !== undefined) b.progIf = head.progIf;
  b.line = l.line;
  b.text = l.text;
  b.driverKnown = false;
  b.lines = [l];
  return b;
}

/**
 * A function listed twice (two cut listings joined: `lspci -nnk | grep AMD` and `lspci -nk -d
 * 1002:67df`, test/real-cases/cases/github-kholia-osx-kvm-notes-rx580-vfio-healthy) is one device:
 * the first block stays and takes from the later one what it lacks.
 */
function mergeInto(first: Mutable<LspciDevice> & { lines: SourceLine[] }, later: LspciDevice): void {
  first.lines.push(...later.lines);
  if (!first.driverKnown && later.driverKnown) {
    if (later.driver) first.driver = later.driver;
    first.driverKnown = true;
  }
  if (!first.modules && later.modules) first.modules = later.modules;
  if (!first.subsystem && later.subsystem) first.subsystem = later.subsystem;
  if (!first.iommuGroup && later.iommuGroup) first.iommuGroup = later.iommuGroup;
  if (first.vendorId === undefined && later.vendorId !== undefined && later.deviceId !== undefined) {
    first.vendorId = later.vendorId;
    first.deviceId = later.deviceId;
  }
  if (first.classCode === undefined && later.classCode !== undefined) first.classCode = later.classCode;
}

function isDetailLabel(t: string): boolean {
  return t.startsWith('Subsystem: ') || t.startsWith('Kernel driver in use: ') || t.startsWith('Kernel modules: ');
}
