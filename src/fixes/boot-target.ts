/**
 * Where this host's kernel command line is configured, and what turns that configuration into what
 * the bootloader reads. Decided from the host profile (distribution family and version, boot
 * mode, bootloader, the boot files the bundle holds), never from the os-release ID alone.
 *
 * - Debian, Ubuntu, Proxmox VE with GRUB: GRUB_CMDLINE_LINUX_DEFAULT in /etc/default/grub, then
 *   `update-grub` (pve-docs system-booting.adoc "Editing the Kernel Commandline"; Debian's
 *   update-grub runs `grub-mkconfig -o /boot/grub/grub.cfg`, the same file on BIOS and UEFI).
 * - Proxmox VE with systemd-boot (ZFS on UEFI): the one line of /etc/kernel/cmdline, then
 *   `proxmox-boot-tool refresh`, checked with `proxmox-boot-tool status` (same document: "The ESPs
 *   are not kept mounted during regular operation", so the entries are not in the bundle).
 * - Other systemd-boot hosts: /etc/kernel/cmdline with kernel-install(8); without it, the `options`
 *   line of the hand-written entries the bundle holds (UAPI.1 Boot Loader Specification; Arch).
 * - RHEL 8+, Fedora 30+ with BLS: `grubby --update-kernel=ALL --args/--remove-args` edits every
 *   entry (RHEL 9 "Managing, monitoring and updating the kernel", "Changing kernel command-line
 *   parameters for all boot entries"); GRUB_CMDLINE_LINUX is edited too so a later grub2-mkconfig
 *   and new kernels keep the change, and /etc/kernel/cmdline when the host has one.
 * - RHEL-like without BLS: GRUB_CMDLINE_LINUX, then `grub2-mkconfig -o` the grub.cfg of this boot
 *   mode: /boot/grub2/grub.cfg on BIOS; on UEFI the ESP file only where it is a full configuration
 *   (RHEL/CentOS 7 and RHEL 8 without BLS: /boot/efi/EFI/redhat/grub.cfg, RHEL 7 System
 *   Administrator's Guide 26.1). Fedora 34+ and RHEL 9 keep a stub there that loads
 *   /boot/grub2/grub.cfg (Fedora change "UnifyGrubConfig"; rhboot/grub2 pull 183 makes
 *   grub2-mkconfig refuse to overwrite it): regenerating into the ESP would replace the stub.
 * - SUSE: GRUB_CMDLINE_LINUX_DEFAULT, `grub2-mkconfig -o /boot/grub2/grub.cfg` on both boot modes
 *   (the ESP holds a stub there too).
 * - Arch with GRUB: GRUB_CMDLINE_LINUX_DEFAULT, `grub-mkconfig -o /boot/grub/grub.cfg` (ArchWiki
 *   "Kernel parameters", GRUB).
 */
import type { HostProfile } from '../facts/host-profile.js';
import { isIdentifier } from './identifiers.js';

export type RegenerateOutput =
  /** Always write this grub.cfg. */
  | { readonly path: string; readonly onlyIfFull: false }
  /** An ESP grub.cfg the bundle did not show: write it only when it turns out to be a full configuration, never over a stub. */
  | { readonly path: string; readonly onlyIfFull: true };

export type CmdlineTarget =
  | {
      readonly kind: 'grub';
      readonly tool: 'update-grub' | 'grub2-mkconfig' | 'grub-mkconfig';
      readonly variable: 'GRUB_CMDLINE_LINUX' | 'GRUB_CMDLINE_LINUX_DEFAULT';
      /** The file whose assignment of `variable` grub-mkconfig reads last: adds go there. */
      readonly addFile: string;
      /** Every file that assigns either variable: removals reach each. */
      readonly removeFiles: readonly string[];
      readonly outputs: readonly RegenerateOutput[];
    }
  | { readonly kind: 'grubby'; readonly addFile: string; readonly removeFiles: readonly string[]; readonly kernelCmdlineFile: boolean }
  | { readonly kind: 'proxmox-boot-tool' }
  | { readonly kind: 'kernel-install' }
  | { readonly kind: 'entries'; readonly files: readonly string[] }
  | { readonly kind: 'unknown'; readonly why: string };

const DEFAULT_GRUB = '/etc/default/grub';

/**
 * EFI directory per os-release ID: Fedora's efi-rpm-macros derives it from the ID with `rhel`
 * turned into `redhat` (efi-rpm-macros.spec `_efi_vendor_`); Oracle Linux ships Red Hat's layout
 * (EFI/redhat). Used only when the bundle holds no ESP grub.cfg, and then behind a check that the
 * file is a full configuration.
 */
const EFI_VENDOR: Readonly<Record<string, string>> = {
  rhel: 'redhat',
  ol: 'redhat',
  centos: 'centos',
  rocky: 'rocky',
  almalinux: 'almalinux',
  fedora: 'fedora',
  openeuler: 'openEuler',
  kylin: 'kylin',
};

const major = (v: string | null): number | null => {
  const m = v === null ? null : /^(\d+)/.exec(v);
  return m ? Number(m[1]) : null;
};

/** Fedora 34+ and RHEL 9+ (and its rebuilds) keep one grub.cfg in /boot/grub2 for both boot modes. */
function unifiedGrubConfig(host: HostProfile): boolean | null {
  const id = host.distroId?.toLowerCase() ?? null;
  const v = major(host.distroVersion);
  if (id === null || v === null) return null;
  if (id === 'fedora') return v >= 34;
  if (['rhel', 'centos', 'rocky', 'almalinux', 'ol'].includes(id)) return v >= 9;
  return null;
}

function grubFiles(host: HostProfile, variable: string): { addFile: string; removeFiles: string[] } {
  const assigns = (host.boot?.grubCmdlineAssignments ?? []).filter(
    (a) => isIdentifier('path', a.file) && a.file.startsWith('/etc/default/'),
  );
  const last = assigns.filter((a) => a.variable === variable).at(-1)?.file ?? DEFAULT_GRUB;
  return { addFile: last, removeFiles: [...new Set([DEFAULT_GRUB, ...assigns.map((a) => a.file)])] };
}

function rhelOutputs(host: HostProfile): RegenerateOutput[] | null {
  const boot2 = { path: '/boot/grub2/grub.cfg', onlyIfFull: false } as const;
  if (host.bootMode === 'bios') return [boot2];
  const esp = (host.boot?.espGrubCfgs ?? []).filter((c) => isIdentifier('efi-directory', c.directory));
  const full = esp.filter((c) => !c.stub);
  if (esp.length > 0) return full.length > 0 ? full.map((c) => ({ path: c.path, onlyIfFull: false })) : [boot2];
  const unified = unifiedGrubConfig(host);
  if (unified === true) return [boot2];
  const vendor = EFI_VENDOR[host.distroId?.toLowerCase() ?? ''];
  if (host.bootMode === 'uefi') return vendor ? [{ path: `/boot/efi/EFI/${vendor}/grub.cfg`, onlyIfFull: true }] : null;
  // Boot mode unknown: the BIOS file, and the vendor's ESP file only if it is a full configuration.
  return vendor ? [boot2, { path: `/boot/efi/EFI/${vendor}/grub.cfg`, onlyIfFull: true }] : [boot2];
}

export function cmdlineTarget(host: HostProfile): CmdlineTarget {
  const boot = host.boot;
  if (host.bootloader === 'systemd-boot') {
    if (host.distro === 'proxmox' && boot?.kernelCmdlineFile !== false) return { kind: 'proxmox-boot-tool' };
    if (boot?.kernelCmdlineFile === true) return { kind: 'kernel-install' };
    const files = (boot?.entries ?? []).filter(
      (f) => isIdentifier('path', f) && /^\/boot\/(?:efi\/)?loader\/entries\/[^/]+\.conf$/.test(f),
    );
    if (files.length > 0) return { kind: 'entries', files };
    return { kind: 'unknown', why: 'systemd-boot without /etc/kernel/cmdline, and its entries are not in the bundle' };
  }
  if (host.bootloader === 'grub-bls') {
    const { addFile, removeFiles } = grubFiles(host, 'GRUB_CMDLINE_LINUX');
    return { kind: 'grubby', addFile, removeFiles, kernelCmdlineFile: boot?.kernelCmdlineFile === true };
  }
  switch (host.distro) {
    case 'debian-like':
    case 'proxmox':
      return {
        kind: 'grub',
        tool: 'update-grub',
        variable: 'GRUB_CMDLINE_LINUX_DEFAULT',
        ...grubFiles(host, 'GRUB_CMDLINE_LINUX_DEFAULT'),
        outputs: [],
      };
    case 'arch':
      return {
        kind: 'grub',
        tool: 'grub-mkconfig',
        variable: 'GRUB_CMDLINE_LINUX_DEFAULT',
        ...grubFiles(host, 'GRUB_CMDLINE_LINUX_DEFAULT'),
        outputs: [{ path: '/boot/grub/grub.cfg', onlyIfFull: false }],
      };
    case 'suse':
      return {
        kind: 'grub',
        tool: 'grub2-mkconfig',
        variable: 'GRUB_CMDLINE_LINUX_DEFAULT',
        ...grubFiles(host, 'GRUB_CMDLINE_LINUX_DEFAULT'),
        outputs: [{ path: '/boot/grub2/grub.cfg', onlyIfFull: false }],
      };
    case 'rhel-like': {
      const outputs = rhelOutputs(host);
      if (outputs === null)
        return {
          kind: 'unknown',
          why: 'the EFI directory of this distribution is not known and the bundle holds no /boot/efi/EFI/*/grub.cfg',
        };
      return { kind: 'grub', tool: 'grub2-mkconfig', variable: 'GRUB_CMDLINE_LINUX', ...grubFiles(host, 'GRUB_CMDLINE_LINUX'), outputs };
    }
    case 'other':
    case null:
      return { kind: 'unknown', why: 'the distribution is not known, so neither the file nor the command that regenerates grub.cfg is' };
    default: {
      const never: never = host.distro;
      return never;
    }
  }
}
