/**
 * Rebuild the initramfs the way this distro does it, so module and modprobe.d changes reach early
 * boot (a host driver claims a device in the initramfs, before modules-load.d runs).
 * Debian/Ubuntu/Proxmox: `update-initramfs -u -k all` (initramfs-tools). RHEL-like: `dracut -f
 * --regenerate-all`. Proxmox with systemd-boot also needs `proxmox-boot-tool refresh` to copy the
 * new image to the ESP (pve-docs "Host Bootloader").
 */
import type { HostProfile } from '../facts/model.js';
import type { FixStep } from './fix.js';

export function rebuildInitramfs(host: HostProfile): FixStep[] {
  if (host.distro === 'debian-like' || host.distro === 'proxmox') {
    const steps: FixStep[] = [
      { kind: 'run', command: 'update-initramfs -u -k all', why: 'puts the new module configuration into every initramfs' },
    ];
    if (host.bootloader === 'systemd-boot' && host.distro === 'proxmox')
      steps.push({ kind: 'run', command: 'proxmox-boot-tool refresh', why: 'copies the rebuilt initramfs to the ESP' });
    return steps;
  }
  if (host.distro === 'rhel-like' || host.distro === 'suse')
    return [{ kind: 'run', command: 'dracut -f --regenerate-all', why: 'puts the new module configuration into every initramfs' }];
  if (host.distro === 'arch') return [{ kind: 'run', command: 'mkinitcpio -P', why: 'rebuilds every initramfs preset' }];
  return [
    {
      kind: 'note',
      text: "Rebuild the initramfs with the distribution's tool (update-initramfs -u -k all, or dracut -f --regenerate-all).",
    },
  ];
}

/** Where modules go so the initramfs loads them early. */
export function initramfsModuleStep(host: HostProfile, modules: readonly string[]): FixStep {
  if (host.distro === 'debian-like' || host.distro === 'proxmox')
    return { kind: 'edit-file', path: '/etc/initramfs-tools/modules', change: `add one line each: ${modules.join(', ')}` };
  return { kind: 'edit-file', path: '/etc/dracut.conf.d/vfio.conf', change: `add the line: force_drivers+=" ${modules.join(' ')} "` };
}
