/**
 * Load the VFIO modules now and at every boot (modules-load.d(5): one module per line). Kernel 6.2
 * merged vfio_virqfd into vfio (commit e2d55709398e "vfio: Fold vfio_virqfd.ko into vfio.ko"), so
 * it is listed only before 6.2; on later kernels systemd-modules-load logs a failure for it.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { Fix, FixStep } from './fix.js';
import { partition } from './identifiers.js';
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

export function persistVfioModules(host: HostProfile): Fix {
  const all = vfioModuleNames(host);
  return {
    summary: 'Make the VFIO modules load at every boot',
    steps: [
      editStep(FILE, { op: 'module-list', add: all, remove: [] }),
      { kind: 'verify', command: 'systemctl restart systemd-modules-load && lsmod | grep vfio', expect: `lists ${all.join(', ')}` },
    ],
  };
}
