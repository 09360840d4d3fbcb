/**
 * The collector's sysfs PCI inventory (evidence id `pci-sysfs`): one block per
 * /sys/bus/pci/devices/* entry.
 *
 * Sample: test/fixtures/pci-sysfs/firecracker-6.18.txt, lines 13–24 (verbatim):
 *   [0000:00:01.0]
 *   path=/sys/devices/pci0000:00/0000:00:01.0
 *   vendor=0x1af4
 *   device=0x1045
 *   subsystem_vendor=0x1af4
 *   subsystem_device=0x1045
 *   class=0xffff00
 *   revision=0x01
 *   driver=virtio-pci
 *   driver_override=(null)
 *   numa_node=-1
 *   enable=1
 * Output: one SysfsPciDevice per block with every `key=value` entry (line, text) plus typed
 * fields: ids as lowercase 4-digit hex, class as 6-digit hex, revision as 2-digit hex, `driver`
 * and `iommuGroup` from the symlink names, `driverOverride` (absent when the kernel prints
 * `(null)`), `resetMethod` as a list, SR-IOV counts, `physfn` for a VF, numa node, enable,
 * and the keys the collector could not read (`# unreadable: <key>`).
 * Quirks: a key that sysfs lacks (no driver bound, no IOMMU group, no SR-IOV) is simply not
 * printed (fixture: 0000:00:00.0 has no driver line); `reset_method` exists only on kernels ≥ 5.15
 * and lists methods separated by spaces; lines outside a block or without `=` go to `unparsed`.
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { normalizePciAddress } from './pci-address.js';

export interface SysfsEntry extends SourceLine {
  readonly key: string;
  readonly value: string;
}

export interface SysfsPciDevice {
  readonly address: string;
  readonly line: number;
  readonly text: string;
  readonly entries: readonly SysfsEntry[];
  readonly unreadable: readonly SourceLine[];
  readonly path?: string;
  readonly vendor?: string;
  readonly device?: string;
  readonly subsystemVendor?: string;
  readonly subsystemDevice?: string;
  readonly class?: string;
  readonly revision?: string;
  readonly driver?: string;
  readonly iommuGroup?: number;
  readonly driverOverride?: string;
  readonly bootVga?: boolean;
  readonly resetMethod?: readonly string[];
  readonly sriovTotalVfs?: number;
  readonly sriovNumVfs?: number;
  readonly physfn?: string;
  readonly numaNode?: number;
  readonly enable?: number;
}

export interface PciSysfs {
  readonly devices: readonly SysfsPciDevice[];
  readonly unparsed: readonly UnparsedLine[];
}

/** `0x10de` → `10de`; undefined when not hex. */
function hexId(v: string, width: number): string | undefined {
  const m = /^(?:0x)?([0-9a-fA-F]{1,8})$/.exec(v.trim());
  return m && m[1] ? m[1].toLowerCase().padStart(width, '0') : undefined;
}

function int(v: string): number | undefined {
  return /^-?\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Dev = Mutable<SysfsPciDevice> & { entries: SysfsEntry[]; unreadable: SourceLine[] };

function set<K extends keyof Dev>(dev: Dev, key: K, value: Dev[K] | undefined): void {
  if (value !== undefined) dev[key] = value;
}

function apply(dev: Dev, key: string, value: string): void {
  switch (key) {
    case 'path':
      return set(dev, 'path', value);
    case 'vendor':
      return set(dev, 'vendor', hexId(value, 4));
    case 'device':
      return set(dev, 'device', hexId(value, 4));
    case 'subsystem_vendor':
      return set(dev, 'subsystemVendor', hexId(value, 4));
    case 'subsystem_device':
      return set(dev, 'subsystemDevice', hexId(value, 4));
    case 'class':
      return set(dev, 'class', hexId(value, 6));
    case 'revision':
      return set(dev, 'revision', hexId(value, 2));
    case 'driver':
      return set(dev, 'driver', value.trim() === '' ? undefined : value.trim());
    case 'iommu_group':
      return set(dev, 'iommuGroup', int(value));
    case 'driver_override':
      return set(dev, 'driverOverride', value.trim() === '(null)' || value.trim() === '' ? undefined : value.trim());
    case 'boot_vga':
      return set(dev, 'bootVga', value.trim() === '1' ? true : value.trim() === '0' ? false : undefined);
    case 'reset_method':
      return set(
        dev,
        'resetMethod',
        value
          .trim()
          .split(/\s+/)
          .filter((s) => s !== ''),
      );
    case 'sriov_totalvfs':
      return set(dev, 'sriovTotalVfs', int(value));
    case 'sriov_numvfs':
      return set(dev, 'sriovNumVfs', int(value));
    case 'physfn':
      return set(dev, 'physfn', normalizePciAddress(value) ?? value.trim());
    case 'numa_node':
      return set(dev, 'numaNode', int(value));
    case 'enable':
      return set(dev, 'enable', int(value));
    default:
      return undefined;
  }
}

export function parsePciSysfs(text: string): PciSysfs {
  const devices: SysfsPciDevice[] = [];
  const unparsed: UnparsedLine[] = [];
  let cur: Dev | undefined;
  for (const l of splitLines(text)) {
    const t = l.text.trim();
    if (t === '') {
      cur = undefined;
      continue;
    }
    if (t.startsWith('[') && t.endsWith(']')) {
      const address = normalizePciAddress(t.slice(1, -1));
      if (address) {
        cur = { address, line: l.line, text: l.text, entries: [], unreadable: [] };
        devices.push(cur);
        continue;
      }
    }
    if (cur && t.startsWith('# unreadable:')) {
      cur.unreadable.push(l);
      continue;
    }
    const eq = t.indexOf('=');
    if (!cur || eq <= 0) {
      unparsed.push(l);
      continue;
    }
    const key = t.slice(0, eq);
    const value = t.slice(eq + 1);
    cur.entries.push({ line: l.line, text: l.text, key, value });
    apply(cur, key, value);
  }
  return { devices, unparsed };
}

/** The key named by a `# unreadable: <key>` line. */
export function unreadableKey(l: SourceLine): string {
  return l.text.trim().slice('# unreadable:'.length).trim();
}
