/**
 * Rebuild the initramfs with this host's own tool, so module and modprobe.d changes reach early
 * boot (a host driver claims a device in the initramfs, before modules-load.d runs), and list the
 * vfio modules there the way that tool reads them:
 * - initramfs-tools (Debian, Ubuntu, Proxmox VE): /etc/initramfs-tools/modules, one module per line
 *   (initramfs-tools(7)), then `update-initramfs -u -k all`; on Proxmox VE with proxmox-boot-tool
 *   the new image is copied to every ESP by `proxmox-boot-tool refresh` (pve-docs
 *   system-booting.adoc: update-initramfs triggers it too; running it again is harmless);
 * - dracut (RHEL-like, SUSE): `force_drivers+=" … "` in /etc/dracut.conf.d (dracut.conf(5): loaded
 *   early, even when nothing else asks for them), then `dracut -f --regenerate-all`;
 * - mkinitcpio (Arch): `MODULES=(vfio_pci vfio vfio_iommu_type1)` in /etc/mkinitcpio.conf (the
 *   ArchWiki "PCI passthrough via OVMF" binding section; mkinitcpio.conf(5) MODULES), with the
 *   `modconf` hook in HOOKS so modprobe.d reaches the image (it is in the default HOOKS line,
 *   test/fixtures/host-families/arch/mkinitcpio.conf line 55), then `mkinitcpio -P`.
 * Never dracut files on a mkinitcpio or initramfs-tools host.
 */
import type { HostProfile } from '../facts/host-profile.js';
import { describeEdit, type FileEdit } from './file-edit.js';
import type { FixStep } from './fix.js';

export function editStep(path: string, edit: FileEdit): FixStep {
  return { kind: 'edit-file', path, change: describeEdit(edit), edit };
}

export function rebuildInitramfs(host: HostProfile): FixStep[] {
  switch (host.initramfs) {
    case 'initramfs-tools': {
      const steps: FixStep[] = [
        { kind: 'run', command: 'update-initramfs -u -k all', why: 'puts the new module configuration into every initramfs' },
      ];
      if (host.bootloader === 'systemd-boot' && host.distro === 'proxmox')
        steps.push({ kind: 'run', command: 'proxmox-boot-tool refresh', why: 'copies the rebuilt initramfs to every ESP' });
      return steps;
    }
    case 'dracut':
      return [{ kind: 'run', command: 'dracut -f --regenerate-all', why: 'puts the new module configuration into every initramfs' }];
    case 'mkinitcpio':
      return [
        {
          kind: 'run',
          command:
            "grep -Eq '^HOOKS=\\(.*[( ]modconf[ )]' /etc/mkinitcpio.conf || echo 'warning: modconf is not in HOOKS of /etc/mkinitcpio.conf, so modprobe.d does not reach the initramfs'",
          why: 'the modconf hook copies modprobe.d into the image',
        },
        { kind: 'run', command: 'mkinitcpio -P', why: 'rebuilds every initramfs preset' },
      ];
    case null:
      return [
        {
          kind: 'note',
          text: "Rebuild the initramfs with the distribution's tool (update-initramfs -u -k all, dracut -f --regenerate-all or mkinitcpio -P).",
        },
      ];
    default: {
      const never: never = host.initramfs;
      return never;
    }
  }
}

/** Where modules go so the initramfs loads them early (names already checked by the caller). */
export function initramfsModuleStep(host: HostProfile, modules: readonly string[]): FixStep {
  switch (host.initramfs) {
    case 'initramfs-tools':
      return editStep('/etc/initramfs-tools/modules', { op: 'module-list', add: modules, remove: [] });
    case 'dracut':
      return editStep('/etc/dracut.conf.d/vfio.conf', { op: 'lines', add: [`force_drivers+=" ${modules.join(' ')} "`], remove: [] });
    case 'mkinitcpio':
      return editStep('/etc/mkinitcpio.conf', { op: 'shell-array', variable: 'MODULES', add: modules });
    case null:
      return {
        kind: 'note',
        text: `Add ${modules.join(', ')} to the modules the initramfs loads early (the distribution's initramfs tool decides where).`,
      };
    default: {
      const never: never = host.initramfs;
      return never;
    }
  }
}

/** vfio modules in the order the initramfs should load them; mkinitcpio lists vfio_pci first (ArchWiki). */
export function vfioInitramfsModules(host: HostProfile): string[] {
  return host.initramfs === 'mkinitcpio' ? ['vfio_pci', 'vfio', 'vfio_iommu_type1'] : ['vfio', 'vfio_iommu_type1', 'vfio_pci'];
}
