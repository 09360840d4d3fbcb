/**
 * Load the VFIO modules now and at every boot (modules-load.d(5): one module per line). Kernel 6.2
 * merged vfio_virqfd into vfio (commit e2d55709398e "vfio: Fold vfio_virqfd.ko into vfio.ko"), so
 * it is listed only before 6.2; on later kernels systemd-modules-load logs a failure for it.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice } from '../facts/model.js';
import { bindAddressesAtBootSteps, bindByAddressVerify } from './bind-by-address.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, partition, rejectedNote } from './identifiers.js';
import { editStep } from './initramfs.js';
import { sh } from './shell.js';

const FILE = '/etc/modules-load.d/vfio.conf';

function vfioModuleNames(host: HostProfile): string[] {
  return host.kernelAtLeast6_2 === false
    ? ['vfio', 'vfio_iommu_type1', 'vfio_pci', 'vfio_virqfd']
    : ['vfio', 'vfio_iommu_type1', 'vfio_pci'];
}

export function loadVfioModules(host: HostProfile, missing: readonly string[]): Fix {
  const all = vfioModuleNames(host);
  const now = partition('module', missing, 'Load it by hand.');
  const steps: FixStep[] = [...now.notes];
  if (now.ok.length > 0) steps.push({ kind: 'run', command: sh`modprobe -a ${now.ok}`.shell, why: 'loads the modules now' });
  steps.push(editStep(FILE, { op: 'module-list', add: all, remove: [] }), {
    kind: 'verify',
    command: 'lsmod | grep vfio',
    expect: `lists ${now.ok.join(', ')}`,
  });
  return {
    summary: `Load ${now.ok.join(', ')} now and at every boot`,
    steps,
    ...(host.kernelAtLeast6_2 === null
      ? { caveats: ['The kernel version is unknown: list vfio_virqfd only on kernels older than 6.2.'] }
      : {}),
  };
}

/**
 * Load the VFIO modules at every boot; with devices bound to vfio-pci by hand (a runtime
 * driver_override), also bind those devices at boot, by address (src/fixes/bind-by-address.ts),
 * and check them after a reboot.
 */
export function persistVfioModules(host: HostProfile, handBound: readonly PciDevice[] = []): Fix {
  const all = vfioModuleNames(host);
  const modulesStep = editStep(FILE, { op: 'module-list', add: all, remove: [] });
  const modulesVerify: FixStep = {
    kind: 'verify',
    command: 'systemctl restart systemd-modules-load && lsmod | grep vfio',
    expect: `lists ${all.join(', ')}`,
  };
  const devices = handBound.filter((d) => isIdentifier('pci-address', d.address));
  const refused = handBound.filter((d) => !devices.includes(d)).map((d) => rejectedNote('pci-address', d.address, 'Bind it by hand.'));
  if (devices.length === 0) return { summary: 'Make the VFIO modules load at every boot', steps: [...refused, modulesStep, modulesVerify] };
  return {
    summary: `Make the VFIO modules load and ${devices.map((d) => d.address).join(', ')} bind to vfio-pci at every boot`,
    steps: [
      ...refused,
      modulesStep,
      ...bindAddressesAtBootSteps(host, devices),
      { kind: 'reboot' },
      { kind: 'verify', command: 'lsmod | grep vfio', expect: `lists ${all.join(', ')}` },
      ...bindByAddressVerify(host, devices, []),
    ],
    caveats: [
      'A VM manager that binds devices when a VM starts (libvirt with managed="yes") sets driver_override by itself; there the boot-time binding is optional.',
    ],
  };
}
