/**
 * /proc/iomem (evidence id `proc-iomem`): the kernel's tree of physical address ranges and who
 * reserved each, printed by kernel/resource.c r_show as `%0*llx-%0*llx : %s`, indented two spaces
 * per level.
 *
 * Sample: test/fixtures/iomem/lab-intel-healthy-6.1.txt, lines 21–25 (verbatim):
 *   c0000000-febfffff : PCI Bus 0000:00
 *     fd000000-fdffffff : 0000:00:02.0
 *     fe000000-fe1fffff : PCI Bus 0000:02
 *     fe200000-fe3fffff : PCI Bus 0000:01
 *     fe600000-fe7fffff : PCI Bus 0000:02
 * Output: every range with its depth, bounds (hex as printed), name and parent; for each PCI
 * function's range (a BAR), the names nested under it — the driver or framebuffer that reserved it
 * (`nvme`, `vfio-pci`, `BOOTFB`, `efifb`); none when nobody holds it.
 * Quirks: to users other than root the kernel prints every address as zero while the tree and names
 * stay (fixture firecracker-6.18-nobody.txt): `addressesHidden`. A function's BAR that its driver
 * has not requested has no child (lab-intel-healthy-6.1.txt lines 29–32: 0000:01:00.0 bound to
 * vfio-pci, which requests its BARs only when a VM opens the device; lines 27–28: nvme under
 * 0000:02:00.0). Pasted excerpts carry `[ ... ]` cut marks (qemu-devel-workstation-bootfb.txt),
 * which go to `unparsed`. Addresses above 4 GiB have more digits (lab-intel-healthy-6.1.txt line 43).
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { normalizePciAddress } from './pci-address.js';

export interface IomemRange extends SourceLine {
  /** Nesting level: leading spaces / 2. */
  readonly depth: number;
  /** Lower-case hex as printed (no 0x). */
  readonly start: string;
  readonly end: string;
  readonly name: string;
  /** Index in `ranges` of the enclosing range; null at the top. */
  readonly parent: number | null;
}

export interface PciRegion {
  /** The function, normalised `0000:bb:dd.f`. */
  readonly address: string;
  /** Index in `ranges` of the function's range. */
  readonly range: number;
  /** Names nested under it, outermost first: who reserved the BAR (empty: nobody). */
  readonly holders: readonly string[];
}

export interface ProcIomem {
  readonly ranges: readonly IomemRange[];
  readonly pciRegions: readonly PciRegion[];
  /** Every address printed as zero (read by a user other than root). */
  readonly addressesHidden: boolean;
  readonly unparsed: readonly UnparsedLine[];
}

const RANGE = /^( *)([0-9a-f]+)-([0-9a-f]+) : /i;
/** Names kept per BAR (a real one has one or two: the device, then its driver). */
const MAX_HOLDERS = 32;

export function parseProcIomem(text: string): ProcIomem {
  const ranges: IomemRange[] = [];
  const unparsed: UnparsedLine[] = [];
  // indexes of the open ranges, one per depth
  const open: number[] = [];
  for (const l of splitLines(text)) {
    const m = RANGE.exec(l.text);
    if (!m) {
      if (l.text.trim() !== '') unparsed.push(l);
      continue;
    }
    const depth = Math.floor((m[1] ?? '').length / 2);
    open.length = Math.min(open.length, depth);
    const parent = open.length > 0 ? (open[open.length - 1] ?? null) : null;
    ranges.push({
      line: l.line,
      text: l.text,
      depth,
      start: (m[2] ?? '').toLowerCase(),
      end: (m[3] ?? '').toLowerCase(),
      name: l.text.slice(m[0].length),
      parent,
    });
    open.push(ranges.length - 1);
  }
  // the tree is printed in pre-order: a range's descendants are the deeper lines that follow it
  const pciRegions: PciRegion[] = [];
  ranges.forEach((r, i) => {
    const address = normalizePciAddress(r.name);
    if (address === undefined) return;
    const holders: string[] = [];
    for (let j = i + 1; j < ranges.length && holders.length < MAX_HOLDERS; j++) {
      const d = ranges[j];
      if (d === undefined || d.depth <= r.depth) break;
      holders.push(d.name);
    }
    pciRegions.push({ address, range: i, holders });
  });
  const addressesHidden = ranges.length > 0 && ranges.every((r) => /^0+$/.test(r.start) && /^0+$/.test(r.end));
  return { ranges, pciRegions, addressesHidden, unparsed };
}
