/**
 * Collector output `block-devices` (src/bundle/layout.ts: "sysfs device path of /sys/block/*"):
 *   block <name> <realpath of /sys/block/<name>>
 *   part <partition> <disk>
 *   slave <dm-or-md> <slave>
 *
 * Sample: test/fixtures/block-devices/virtio-vda.txt, lines 9–10 (verbatim):
 *   block vda /sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda
 *   block zram0 /sys/devices/virtual/block/zram0
 * Output: disks with their sysfs path and the PCI functions on it: `pciPath` lists every PCI address
 * from the root bus down (bridges first), `pciEndpoint` is the last one — the device that would have
 * to stay with the host (for /sys/devices/pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0/nvme0n1
 * the endpoint is 0000:3d:00.0 and 0000:00:1d.0 its bridge). Partitions and dm/md slaves as given.
 * Quirks: virtual devices (loop, zram, dm) have no PCI address (virtio-vda.txt line 10); a virtio
 * disk's PCI function is the virtio controller (0000:00:02.0 above).
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';

export interface BlockDisk {
  readonly name: string;
  readonly sysfsPath: string;
  readonly pciPath: readonly string[];
  readonly pciEndpoint?: string;
  readonly virtual: boolean;
  readonly line: number;
  readonly text: string;
}

export interface BlockDevices {
  readonly disks: readonly BlockDisk[];
  readonly partitions: readonly { readonly partition: string; readonly disk: string; readonly line: number; readonly text: string }[];
  readonly slaves: readonly { readonly holder: string; readonly slave: string; readonly line: number; readonly text: string }[];
  readonly unparsed: readonly UnparsedLine[];
}

const PCI_ADDR = /^[0-9a-f]{4,}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/i;

/** PCI addresses along a sysfs device path, root first. */
export function pciAddressesInPath(path: string): string[] {
  return path.split('/').filter((seg) => seg.length <= 16 && PCI_ADDR.test(seg));
}

export function parseBlockDevices(text: string): BlockDevices {
  const disks: BlockDisk[] = [];
  const partitions: { partition: string; disk: string; line: number; text: string }[] = [];
  const slaves: { holder: string; slave: string; line: number; text: string }[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const at of splitLines(text)) {
    if (at.text.trim() === '') continue;
    const f = fields(at.text);
    const [kind, a, b] = f;
    if (f.length !== 3 || a === undefined || b === undefined) {
      unparsed.push(at);
      continue;
    }
    if (kind === 'block') {
      const pciPath = pciAddressesInPath(b);
      const endpoint = pciPath[pciPath.length - 1];
      disks.push({
        name: a,
        sysfsPath: b,
        pciPath,
        ...(endpoint === undefined ? {} : { pciEndpoint: endpoint }),
        virtual: b.startsWith('/sys/devices/virtual/'),
        ...at,
      });
    } else if (kind === 'part') partitions.push({ partition: a, disk: b, ...at });
    else if (kind === 'slave') slaves.push({ holder: a, slave: b, ...at });
    else unparsed.push(at);
  }
  return { disks, partitions, slaves, unparsed };
}
