/**
 * Load the VFIO modules now and at every boot. Kernel 6.2 merged vfio_virqfd into vfio
 * (commit e2d55709398e "vfio: Fold vfio_virqfd.ko into vfio.ko"), so it is listed only before 6.2;
 * on later kernels systemd-modules-load logs a failure for it.
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix } from './fix.js';

function vfioModuleNames(host: HostProfile): string[] {
  return host.kernelAtLeast6_2 === false
    ? ['vfio', 'vfio_iommu_type1', 'vfio_pci', 'vfio_virqfd']
    : ['vfio', 'vfio_iommu_type1', 'vfio_pci'];
}

export function loadVfioModules(host: HostProfile, missing: readonly string[]): Fix {
  const all = vfioModuleNames(host);
  return {
    summary: `Load ${missing.join(', ')} now and at every boot`,
    steps: [
      { kind: 'run', command: `modprobe -a ${missing.join(' ')}`, why: 'loads the modules now' },
      { kind: 'edit-file', path: '/etc/modules-load.d/vfio.conf', change: `one module per line: ${all.join(', ')}` },
      { kind: 'verify', command: 'lsmod | grep vfio', expect: `lists ${missing.join(', ')}` },
    ],
    ...(host.kernelAtLeast6_2 === null
      ? { caveats: ['The kernel version is unknown: list vfio_virqfd only on kernels older than 6.2.'] }
      : {}),
  };
}

export function persistVfioModules(host: HostProfile): Fix {
  const all = vfioModuleNames(host);
  return {
    summary: 'Make the VFIO modules load at every boot',
    steps: [
      { kind: 'edit-file', path: '/etc/modules-load.d/vfio.conf', change: `one module per line: ${all.join(', ')}` },
      { kind: 'verify', command: 'systemctl restart systemd-modules-load && lsmod | grep vfio', expect: `lists ${all.join(', ')}` },
    ],
  };
}
