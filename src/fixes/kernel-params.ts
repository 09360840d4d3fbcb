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

export interface ParamChange {
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

export function changeKernelParams(host: HostProfile, change: ParamChange, summary: string): Fix {
  const steps: FixStep[] = [...editSteps(host, change), ...regenerateSteps(host, change), { kind: 'reboot' }, ...verifySteps(change)];
  const caveats: string[] = [];
  if (host.bootloader === null || host.bootloader === 'unknown')
    caveats.push('The bootloader could not be identified from the bundle; the steps assume GRUB. Check which bootloader the host uses first.');
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

function regenerateSteps(host: HostProfile, change: ParamChange): FixStep[] {
  if (host.bootloader === 'systemd-boot') {
    if (host.distro === 'proxmox')
      return [{ kind: 'run', command: 'proxmox-boot-tool refresh', why: 'copies /etc/kernel/cmdline into the boot entries on every ESP' }];
    return [{ kind: 'run', command: 'kernel-install add "$(uname -r)" "/lib/modules/$(uname -r)/vmlinuz"', why: 'regenerates the boot entry with /etc/kernel/cmdline' }];
  }
  if (host.distro === 'debian-like' || host.distro === 'proxmox')
    return [{ kind: 'run', command: 'update-grub', why: 'regenerates /boot/grub/grub.cfg from /etc/default/grub' }];
  if (host.bootloader === 'grub-bls') {
    const args = [
      change.add.length > 0 ? `--args="${change.add.join(' ')}"` : '',
      change.remove.length > 0 ? `--remove-args="${change.remove.join(' ')}"` : '',
    ].filter(Boolean);
    return [{ kind: 'run', command: `grubby --update-kernel=ALL ${args.join(' ')}`, why: 'BLS entries carry their own options; grubby updates every entry' }];
  }
  return [{ kind: 'run', command: `grub2-mkconfig -o ${grubCfgPath(host)}`, why: 'regenerates the grub.cfg this boot mode reads' }];
}

/** The grub.cfg a RHEL-like host without BLS boots from (the guide's BIOS and UEFI commands). */
export function grubCfgPath(host: HostProfile): string {
  if (host.distro === 'debian-like' || host.distro === 'proxmox') return '/boot/grub/grub.cfg';
  if (host.bootMode === 'uefi') return `/boot/efi/EFI/${host.distroId ?? '<distro>'}/grub.cfg`;
  return '/boot/grub2/grub.cfg';
}

function verifySteps(change: ParamChange): FixStep[] {
  const steps: FixStep[] = [];
  if (change.add.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `contains ${change.add.join(' ')}` });
  if (change.remove.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `no longer contains ${change.remove.join(' ')}` });
  return steps;
}
