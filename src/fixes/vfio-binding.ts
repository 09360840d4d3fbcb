/**
 * Hand a device to vfio-pci at boot, before its host driver claims it.
 * - `options vfio-pci ids=…` makes vfio-pci claim the ids when it loads (vfio-pci module
 *   parameter `ids`, Documentation/driver-api/vfio.rst and the kernel's vfio_pci.c);
 * - `softdep <driver> pre: vfio-pci` makes modprobe load vfio-pci before the host driver
 *   (modprobe.d(5) "softdep"); it cannot help a driver built into the kernel;
 * - the initramfs must carry both when the host driver is loaded from the initramfs.
 * Binding by ids also captures every identical device on the host, which is why the rule passes
 * `otherSameIds` so the caveat names them.
 */
import type { HostProfile, PciDevice } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { initramfsModuleStep, rebuildInitramfs } from './initramfs.js';

/**
 * The boot-time part every vfio-pci binding shares: the modprobe.d lines (`options vfio-pci ids=`,
 * one `softdep <driver> pre: vfio-pci` per host driver to order), the initramfs module list and its
 * rebuild. The one place that decides these steps.
 */
export function vfioIdsAtBootSteps(host: HostProfile, ids: readonly string[], softdepDrivers: readonly string[]): FixStep[] {
  return [
    {
      kind: 'edit-file',
      path: '/etc/modprobe.d/vfio.conf',
      change: [`options vfio-pci ids=${ids.join(',')}`, ...softdepDrivers.map((d) => `softdep ${d} pre: vfio-pci`)].join(' ; '),
    },
    initramfsModuleStep(host, ['vfio', 'vfio_iommu_type1', 'vfio_pci']),
    ...rebuildInitramfs(host),
  ];
}

export function bindToVfioAtBoot(
  host: HostProfile,
  device: PciDevice,
  hostDriver: string | null,
  options: { builtinDriver: boolean; otherSameIds: readonly string[] },
): Fix {
  const id = `${device.vendor}:${device.device}`;
  const steps: FixStep[] = [
    ...vfioIdsAtBootSteps(host, [id], hostDriver && !options.builtinDriver ? [hostDriver] : []),
    { kind: 'reboot' },
    { kind: 'verify', command: `lspci -nnk -s ${device.address}`, expect: 'Kernel driver in use: vfio-pci' },
  ];
  const caveats: string[] = [
    `To switch without a reboot: echo ${device.address} > /sys/bus/pci/devices/${device.address}/driver/unbind; echo vfio-pci > /sys/bus/pci/devices/${device.address}/driver_override; echo ${device.address} > /sys/bus/pci/drivers_probe`,
  ];
  if (options.builtinDriver && hostDriver)
    caveats.push(
      `${hostDriver} is built into the kernel, so softdep cannot order it; add vfio-pci.ids=${id} to the kernel command line (vfio-pci must then be built in or in the initramfs) or bind with driver_override from a boot script.`,
    );
  if (options.otherSameIds.length > 0)
    caveats.push(
      `Binding by id ${id} also takes ${options.otherSameIds.join(', ')} away from the host; use driver_override per address if the host needs those.`,
    );
  return { summary: `Bind ${device.address} to vfio-pci at boot instead of ${hostDriver ?? 'no driver'}`, steps, caveats };
}
