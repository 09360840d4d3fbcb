/**
 * Stop a host storage controller from being handed to vfio-pci: take its id out of
 * `vfio-pci.ids=` / `options vfio-pci ids=`, clear a driver_override, and never name it with
 * --device. When identical controllers exist and only one of them should go to a VM, bind that
 * one by address (driver_override) instead of by id, which captures them all.
 */
import type { HostProfile, PciDevice, TargetDevice, VfioId } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { changeKernelParams } from './kernel-params.js';
import { rebuildInitramfs } from './initramfs.js';

export function keepHostStorage(host: HostProfile, dev: PciDevice, target: TargetDevice, vfioIds: readonly VfioId[]): Fix {
  const id = `${dev.vendor}:${dev.device}`;
  const mine = vfioIds.filter((v) => `${v.vendor}:${v.device}` === id);
  const steps: FixStep[] = [];
  const caveats: string[] = [];
  for (const file of new Set(mine.filter((v) => v.ref.evidence !== 'cmdline').map((v) => v.ref.source)))
    steps.push({ kind: 'edit-file', path: file, change: `remove ${id} from the options vfio-pci ids= line` }, ...rebuildInitramfs(host));
  const onCmdline = mine.filter((v) => v.ref.evidence === 'cmdline');
  if (onCmdline.length > 0) {
    const raw = onCmdline.map((v) => v.raw);
    const param = /\bvfio[-_]pci\.ids=\S+/.exec(onCmdline[0]!.ref.text)?.[0];
    if (param) {
      const rest = param
        .slice(param.indexOf('=') + 1)
        .split(',')
        .filter((x) => !raw.includes(x));
      const kp = changeKernelParams(host, { remove: [param], add: rest.length > 0 ? [`vfio-pci.ids=${rest.join(',')}`] : [] }, '');
      steps.push(...kp.steps.filter((s) => s.kind !== 'reboot' && s.kind !== 'verify'));
      caveats.push(...(kp.caveats ?? []));
    }
  }
  if (dev.driverOverride === 'vfio-pci')
    steps.push({
      kind: 'run',
      command: `echo > /sys/bus/pci/devices/${dev.address}/driver_override`,
      why: 'clears the override so the storage driver keeps the controller',
    });
  if (target.why.some((w) => w.startsWith('--device')))
    steps.push({ kind: 'note', text: `Do not pass ${dev.address} to a VM: it holds the host's own filesystems or swap.` });
  steps.push({
    kind: 'verify',
    command: `lspci -nnk -s ${dev.address}`,
    expect: 'Kernel driver in use: the storage driver (nvme, ahci, …), not vfio-pci',
  });
  caveats.push(
    'To give a VM a disk on this controller, pass the disk or a partition as a virtio/SCSI block device instead of the PCI controller.',
  );
  return { summary: `Keep the host storage controller ${dev.address} away from vfio-pci`, steps, caveats };
}
