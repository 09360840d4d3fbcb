/**
 * Bring the generated boot configuration in line with the file the user edited, then reboot.
 * Unlike changeKernelParams (which edits the source first), the source already holds the
 * parameters; only the regenerate step, the reboot and the check remain.
 * - Debian/Ubuntu/Proxmox grub: `update-grub` (grub-mkconfig -o /boot/grub/grub.cfg).
 * - RHEL 8+/Fedora with BLS: the options live in each /boot/loader/entries/*.conf, so grubby adds
 *   the missing ones to every entry (RHEL 8/9 "Managing, monitoring and updating the kernel",
 *   "Changing kernel command-line parameters for all boot entries").
 * - RHEL/CentOS 7 grub without BLS: `grub2-mkconfig -o` the path this boot mode reads (grubCfgPath).
 * - systemd-boot: `proxmox-boot-tool refresh` (pve-docs "Host Bootloader") or `kernel-install`.
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';

/** Parameters to add to and remove from the kernel command line. */
export interface ParamChange {
  readonly add: readonly string[];
  readonly remove: readonly string[];
}

/**
 * The grub.cfg a host without BLS boots from: the one the bundle shows it reading, else the guide's
 * BIOS and UEFI paths (the EFI directory is the vendor's: EFI/redhat on RHEL and Oracle Linux, so
 * the os-release ID is only a guess).
 */
function grubCfgPath(host: HostProfile): string {
  if (host.grubCfg !== null) return host.grubCfg;
  if (host.distro === 'debian-like' || host.distro === 'proxmox' || host.distro === 'arch') return '/boot/grub/grub.cfg';
  if (host.bootMode === 'uefi') return `/boot/efi/EFI/${host.distroId ?? '<distro>'}/grub.cfg`;
  return '/boot/grub2/grub.cfg';
}

/** The one command that turns the edited boot configuration into what the bootloader reads. */
export function regenerateStep(host: HostProfile, change: ParamChange): FixStep {
  if (host.bootloader === 'systemd-boot')
    return host.distro === 'proxmox'
      ? { kind: 'run', command: 'proxmox-boot-tool refresh', why: 'copies /etc/kernel/cmdline into the boot entries on every ESP' }
      : {
          kind: 'run',
          command: 'kernel-install add "$(uname -r)" "/lib/modules/$(uname -r)/vmlinuz"',
          why: 'regenerates the boot entry from /etc/kernel/cmdline',
        };
  if (host.distro === 'debian-like' || host.distro === 'proxmox')
    return { kind: 'run', command: 'update-grub', why: 'regenerates /boot/grub/grub.cfg from /etc/default/grub' };
  if (host.bootloader === 'grub-bls') {
    const args = [
      change.add.length > 0 ? `--args="${change.add.join(' ')}"` : '',
      change.remove.length > 0 ? `--remove-args="${change.remove.join(' ')}"` : '',
    ].filter(Boolean);
    return {
      kind: 'run',
      command: `grubby --update-kernel=ALL ${args.join(' ')}`,
      why: 'BLS entries carry their own options; grubby updates every entry',
    };
  }
  // Arch ships the upstream name grub-mkconfig; Fedora/RHEL/SUSE rename it grub2-mkconfig.
  const tool = host.distro === 'arch' ? 'grub-mkconfig' : 'grub2-mkconfig';
  return { kind: 'run', command: `${tool} -o ${grubCfgPath(host)}`, why: 'regenerates the grub.cfg this boot mode reads' };
}

/** After the reboot: /proc/cmdline shows what was added and no longer what was removed. */
export function verifyParamSteps(change: ParamChange): FixStep[] {
  const steps: FixStep[] = [];
  if (change.add.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `contains ${change.add.join(' ')}` });
  if (change.remove.length > 0)
    steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `no longer contains ${change.remove.join(' ')}` });
  return steps;
}

export function regenerateBootConfig(host: HostProfile, params: readonly string[], summary: string): Fix {
  const change = { add: params, remove: [] };
  const steps: FixStep[] = [regenerateStep(host, change), { kind: 'reboot' }, ...verifyParamSteps(change)];
  return host.bootloader === 'unknown' || host.bootloader === null
    ? { summary, steps, caveats: ['The bootloader could not be identified from the bundle; check which one the host uses first.'] }
    : { summary, steps };
}

export function rebootToApply(params: readonly string[], removed: readonly string[]): Fix {
  const steps: FixStep[] = [{ kind: 'reboot' }, ...verifyParamSteps({ add: params, remove: removed })];
  return { summary: 'Reboot so the kernel starts with the configured parameters', steps };
}

/** For a bootloader the bundle cannot show: where to look (bootctl(1), efibootmgr(8), the UAPI boot loader and UKI specifications). */
export function inspectBootloaderByHand(): Fix {
  return {
    summary: 'Find the bootloader and check its kernel command line by hand',
    steps: [
      { kind: 'run', command: 'bootctl status; efibootmgr -v', why: 'shows which bootloader or EFI binary the firmware starts' },
      {
        kind: 'note',
        text: 'systemd-boot: the options line of the entry in /boot/efi/loader/entries or /efi/loader/entries; a unified kernel image: its built-in .cmdline section (objdump -h lists it); a custom EFI stub: the arguments in its efibootmgr entry.',
      },
      { kind: 'verify', command: 'cat /proc/cmdline', expect: 'carries the passthrough parameters the boot entry sets' },
    ],
  };
}
