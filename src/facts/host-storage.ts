/**
 * Which PCI functions carry the host's own storage: the controller (the PCI endpoint) behind every block device that holds a mounted filesystem or an active swap area, following
 * partitions to their disk and device-mapper/md holders (LVM, LUKS, RAID) to the disks beneath.
 * Handing such a controller to vfio-pci takes the host's disks away from it.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseMounts } from '../parsers/mounts.js';
import { parseSwaps } from '../parsers/swaps.js';
import { known, type EvidenceRef, type Fact } from './fact.js';
import { gapsIn, refTo, unknownFrom } from './evidence-ref.js';
import type { HostStorageDevice, HostStorageFacts } from './model.js';
import { blockDeviceInventory } from './shared-evidence.js';

export function buildHostStorage(ev: EvidenceSource): Fact<HostStorageFacts> {
  const mountsEv = ev.one('mounts');
  const { evidence: blockEv, parsed: block } = blockDeviceInventory(ev);
  if (!hasText(mountsEv) || !block) return unknownFrom(mountsEv, blockEv);
  const diskOf = new Map(block.partitions.map((p) => [p.partition, p.disk]));
  const slavesOf = new Map<string, string[]>();
  for (const s of block.slaves) slavesOf.set(s.holder, [...(slavesOf.get(s.holder) ?? []), s.slave]);
  const disks = new Map(block.disks.map((d) => [d.name, d]));

  const users: { dev: string; why: string; ref: EvidenceRef }[] = [];
  for (const m of parseMounts(mountsEv.text).mounts)
    if (m.device.startsWith('/dev/')) users.push({ dev: m.device.slice(5), why: `mounted on ${m.mountpoint}`, ref: refTo(mountsEv, m) });
  const swapsEv = ev.one('swaps');
  if (hasText(swapsEv))
    for (const s of parseSwaps(swapsEv.text).swaps)
      if (s.filename.startsWith('/dev/')) users.push({ dev: s.filename.slice(5), why: 'active swap', ref: refTo(swapsEv, s) });

  const out = new Map<string, HostStorageDevice>();
  for (const u of users) {
    for (const disk of resolveDisks(u.dev, diskOf, slavesOf, new Set(block.slaves.map((s) => s.holder)))) {
      const d = disks.get(disk);
      if (!d || d.virtual) continue;
      const addr = d.pciEndpoint;
      if (addr && !out.has(addr)) out.set(addr, { address: addr, why: `${disk} ${u.why}`, ref: u.ref });
    }
  }
  // Swap missing, denied or cut, or a cut mount or block listing, could hide a disk the host uses:
  // the devices found stand, and their absence elsewhere proves nothing.
  return known(
    { devices: [...out.values()] },
    [refTo(mountsEv, { line: 1, text: `${users.length} mounted block devices and swap areas` })],
    gapsIn(mountsEv, blockEv, swapsEv),
  );
}

/** A /dev name → the whole disks beneath it. mapper/* names resolve to every dm/md holder's slaves. */
function resolveDisks(
  dev: string,
  diskOf: Map<string, string>,
  slavesOf: Map<string, string[]>,
  holders: Set<string>,
  depth = 0,
): string[] {
  if (depth > 8) return [];
  if (dev.startsWith('mapper/')) return [...holders].flatMap((h) => resolveDisks(h, diskOf, slavesOf, holders, depth + 1));
  const slaves = slavesOf.get(dev);
  if (slaves) return slaves.flatMap((s) => resolveDisks(s, diskOf, slavesOf, holders, depth + 1));
  return [diskOf.get(dev) ?? dev];
}
