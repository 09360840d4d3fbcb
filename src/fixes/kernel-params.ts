/**
 * Change kernel command-line parameters persistently, the way this host's bootloader and distro
 * expect, then reboot and verify on /proc/cmdline.
 *
 * Sources for each branch:
 * - Debian/Ubuntu grub: /etc/default/grub then `update-grub` (a wrapper for
 *   `grub-mkconfig -o /boot/grub/grub.cfg`; the same file on BIOS and UEFI, the ESP holds a stub).
 * - RHEL 8+/Fedora with BLS: `grubby --update-kernel=ALL --args=… / --remove-args=…` edits every
 *   /boot/loader/entries/*.conf; /etc/default/grub is edited too so kernels installed later and any
 *   `grub2-mkconfig` run keep the change (RHEL 8/9 "Managing, monitoring and updating the kernel").
 * - RHEL/CentOS 7 (no BLS): `grub2-mkconfig -o /boot/grub2/grub.cfg` on BIOS and
 *   `-o /boot/efi/EFI/<id>/grub.cfg` on UEFI — the guide's own two commands.
 * - Proxmox VE with systemd-boot: /etc/kernel/cmdline then `proxmox-boot-tool refresh`
 *   (pve-docs "Host Bootloader", section "Editing the Kernel Commandline").
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { regenerateStep, verifyParamSteps, type ParamChange } from './regenerate-boot-config.js';

export type { ParamChange } from './regenerate-boot-config.js';

export function changeKernelParams(host: HostProfile, change: ParamChange, summary: string): Fix {
  // Nothing to add or remove: the command line is not the cause, so there is nothing to edit or regenerate.
  if (change.add.length === 0 && change.remove.length === 0)
    return {
      summary: 'No kernel parameter explains this: look at the boot log and the firmware setting',
      steps: [
        {
          kind: 'run',
          command: 'sudo dmesg | grep -i -e DMAR -e AMD-Vi -e iommu',
          why: 'shows whether the IOMMU driver started and why not',
        },
        {
          kind: 'note',
          text: 'Check the IOMMU setting in the firmware setup (Intel VT-d, AMD IOMMU/AMD-Vi) and that the kernel is built with IOMMU support.',
        },
        { kind: 'verify', command: 'ls /sys/kernel/iommu_groups', expect: 'numbered IOMMU groups' },
      ],
    };
  const steps: FixStep[] = [...editSteps(host, change), regenerateStep(host, change), { kind: 'reboot' }, ...verifyParamSteps(change)];
  const caveats: string[] = [];
  if (host.bootloader === null || host.bootloader === 'unknown')
    caveats.push(
      'The bootloader could not be identified from the bundle; the steps assume GRUB. Check which bootloader the host uses first.',
    );
  return caveats.length > 0 ? { summary, steps, caveats } : { summary, steps };
}

function describe(change: ParamChange): string {
  const parts: string[] = [];
  if (change.add.length > 0) parts.push(`add ${change.add.join(' ')}`);
  if (change.remove.length > 0) parts.push(`remove ${change.remove.join(' ')}`);
  return parts.join(' and ');
}

function editSteps(host: HostProfile, change: ParamChange): FixStep[] {
  if (host.bootloader === 'systemd-boot')
    return [{ kind: 'edit-file', path: '/etc/kernel/cmdline', change: `${describe(change)} (the file is one line of parameters)` }];
  const variable = host.distro === 'debian-like' || host.distro === 'proxmox' ? 'GRUB_CMDLINE_LINUX_DEFAULT' : 'GRUB_CMDLINE_LINUX';
  return [{ kind: 'edit-file', path: '/etc/default/grub', change: `in ${variable}="…", ${describe(change)}` }];
}
