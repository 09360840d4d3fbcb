/**
 * Bring the generated boot configuration in line with the file the user edited, then reboot.
 * Unlike changeKernelParams (which edits the source first), the source already holds the
 * parameters; only the regenerate step, the reboot and the check remain.
 * - Debian/Ubuntu/Proxmox grub: `update-grub` (grub-mkconfig -o /boot/grub/grub.cfg).
 * - RHEL 8+/Fedora with BLS: the options live in each /boot/loader/entries/*.conf, so grubby adds
 *   the missing ones to every entry (RHEL 8/9 "Managing, monitoring and updating the kernel",
 *   "Changing kernel command-line parameters for all boot entries").
 * - RHEL/CentOS 7 grub without BLS: `grub2-mkconfig -o` the path this boot mode reads
 *   (grubCfgPath in kernel-params.ts).
 * - systemd-boot: `proxmox-boot-tool refresh` (pve-docs "Host Bootloader") or `kernel-install`.
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { grubCfgPath } from './kernel-params.js';

export function regenerateStep(host: HostProfile, params: readonly string[]): FixStep {
  if (host.bootloader === 'systemd-boot')
    return host.distro === 'proxmox'
      ? { kind: 'run', command: 'proxmox-boot-tool refresh', why: 'copies /etc/kernel/cmdline into the boot entries on every ESP' }
      : { kind: 'run', command: 'kernel-install add "$(uname -r)" "/lib/modules/$(uname -r)/vmlinuz"', why: 'regenerates the boot entry from /etc/kernel/cmdline' };
  if (host.distro === 'debian-like' || host.distro === 'proxmox')
    return { kind: 'run', command: 'update-grub', why: 'regenerates /boot/grub/grub.cfg from /etc/default/grub' };
  if (host.bootloader === 'grub-bls')
    return { kind: 'run', command: `grubby --update-kernel=ALL --args="${params.join(' ')}"`, why: 'BLS entries carry their own options; grubby updates every entry' };
  return { kind: 'run', command: `grub2-mkconfig -o ${grubCfgPath(host)}`, why: 'regenerates the grub.cfg this boot mode reads' };
}

export function regenerateBootConfig(host: HostProfile, params: readonly string[], summary: string): Fix {
  const steps: FixStep[] = [
    regenerateStep(host, params),
    { kind: 'reboot' },
    { kind: 'verify', command: 'cat /proc/cmdline', expect: `contains ${params.join(' ')}` },
  ];
  return host.bootloader === 'unknown' || host.bootloader === null
    ? { summary, steps, caveats: ['The bootloader could not be identified from the bundle; check which one the host uses first.'] }
    : { summary, steps };
}

export function rebootToApply(params: readonly string[], removed: readonly string[]): Fix {
  const steps: FixStep[] = [{ kind: 'reboot' }];
  if (params.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `contains ${params.join(' ')}` });
  if (removed.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `no longer contains ${removed.join(' ')}` });
  return { summary: 'Reboot so the kernel starts with the configured parameters', steps };
}

/** For a bootloader the bundle cannot show: where to look (bootctl(1), efibootmgr(8), the UAPI boot loader and UKI specifications). */
export function inspectBootloaderByHand(): Fix {
  return {
    summary: 'Find the bootloader and check its kernel command line by hand',
    steps: [
      { kind: 'run', command: 'bootctl status; efibootmgr -v', why: 'shows which bootloader or EFI binary the firmware starts' },
      { kind: 'note', text: 'systemd-boot: the options line of the entry in /boot/efi/loader/entries or /efi/loader/entries; a unified kernel image: its built-in .cmdline section (objdump -h lists it); a custom EFI stub: the arguments in its efibootmgr entry.' },
      { kind: 'verify', command: 'cat /proc/cmdline', expect: 'carries the passthrough parameters the boot entry sets' },
    ],
  };
}
