/**
 * Stop a host storage controller from being handed to vfio-pci: take its id out of
 * `vfio-pci.ids=` / `options vfio-pci ids=` (keeping the other ids), clear a driver_override, and
 * never name it with --device. When identical controllers exist and only one of them should go to
 * a VM, bind that one by address (driver_override) instead of by id, which captures them all.
 * Works on the typed ids of the targets fact, never on the text of an evidence line (a long
 * /proc/cmdline is cut in its evidence reference).
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice, TargetDevice, VfioId } from '../facts/model.js';
import { dropIdSteps, OVERRIDE_LIST } from './bind-by-address.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { editStep, rebuildInitramfs } from './initramfs.js';
import { sh } from './shell.js';

export function keepHostStorage(host: HostProfile, dev: PciDevice, target: TargetDevice, vfioIds: readonly VfioId[]): Fix {
  const id = `${dev.vendor}:${dev.device}`;
  if (!isIdentifier('pci-address', dev.address) || !isIdentifier('pci-id', id))
    return {
      summary: 'Keep the host storage controller away from vfio-pci',
      steps: [rejectedNote('pci-address', dev.address, 'Take it out of the vfio-pci configuration by hand.')],
    };
  const drop = dropIdSteps(host, id, vfioIds);
  // Out of the by-address list too, where a binding by address may have put it (a no-op when it is not there).
  const steps: FixStep[] = [...drop.modprobe, editStep(OVERRIDE_LIST, { op: 'lines', add: [], remove: [dev.address] })];
  if (drop.modprobe.some((s) => s.kind === 'edit-file')) steps.push(...rebuildInitramfs(host));
  steps.push(...drop.cmdline);
  if (dev.driverOverride === 'vfio-pci')
    steps.push({
      kind: 'run',
      command: sh`echo > /sys/bus/pci/devices/${dev.address}/driver_override`.shell,
      why: 'clears the override so the storage driver keeps the controller',
    });
  if (target.why.some((w) => w.startsWith('--device')))
    steps.push({ kind: 'note', text: `Do not pass ${dev.address} to a VM: it holds the host's own filesystems or swap.` });
  steps.push({
    kind: 'verify',
    command: sh`lspci -nnk -s ${dev.address}`.shell,
    expect: 'Kernel driver in use: the storage driver (nvme, ahci, …), not vfio-pci',
  });
  return {
    summary: `Keep the host storage controller ${dev.address} away from vfio-pci`,
    steps,
    caveats: [
      'To give a VM a disk on this controller, pass the disk or a partition as a virtio/SCSI block device instead of the PCI controller.',
    ],
  };
}
