/**
 * What a piece of pasted text can be read as, and which evidence id of the bundle contract
 * (src/bundle/layout.ts) it stands in for. A kind whose id the contract does not have yet
 * (`/proc/iomem`, a sysfs SR-IOV transcript, mkinitcpio.conf) is still recognised and listed,
 * with no evidence id: nothing in the analysis reads it.
 */
import { EVIDENCE_BY_ID } from '../bundle/layout.js';

export type PieceKind =
  | 'kernel-log'
  | 'lspci'
  | 'lspci-verbose'
  | 'iommu-groups'
  | 'lsmod'
  | 'proc-modules'
  | 'cmdline'
  | 'kernel-cmdline-file'
  | 'default-grub'
  | 'grub-cfg'
  | 'bls-entry'
  | 'modprobe-d'
  | 'modules-list'
  | 'dracut-conf'
  | 'mkinitcpio'
  | 'uname'
  | 'iomem'
  | 'dmidecode'
  | 'dmi-sysfs'
  | 'systemd-detect-virt'
  | 'sriov-sysfs'
  | 'meminfo'
  | 'cpuinfo'
  | 'os-release'
  | 'host-conf'
  | 'host-service-log'
  | 'qemu-log'
  | 'dpdk-log';

/** The evidence id a kind's text stands in for; `path` is the host file a `cat` named, when known. */
export function evidenceIdOf(kind: PieceKind, path: string | null): string | null {
  const id = wantedId(kind, path);
  return id !== null && EVIDENCE_BY_ID.has(id) ? id : null;
}

function wantedId(kind: PieceKind, path: string | null): string | null {
  switch (kind) {
    case 'kernel-log':
      return 'dmesg';
    case 'lspci':
      return 'lspci-nnk';
    case 'lspci-verbose':
      return 'lspci-vvv';
    case 'iommu-groups':
      return 'iommu-groups';
    case 'lsmod':
      return 'lsmod';
    case 'proc-modules':
      return 'proc-modules';
    case 'cmdline':
      return 'cmdline';
    case 'kernel-cmdline-file':
      return 'kernel-cmdline-file';
    case 'default-grub':
      return path?.startsWith('/etc/default/grub.d/') ? 'default-grub-d' : 'default-grub';
    case 'grub-cfg':
      return path?.startsWith('/boot/grub2/') ? 'grub2-cfg' : 'grub-cfg';
    case 'bls-entry':
      return path?.startsWith('/boot/efi/') ? 'esp-loader-entries' : 'bls-entries';
    case 'modprobe-d':
      return 'modprobe-d';
    case 'modules-list':
      return path === '/etc/modules'
        ? 'etc-modules'
        : path === '/etc/initramfs-tools/modules'
          ? 'initramfs-tools-modules'
          : 'modules-load-d';
    case 'dracut-conf':
      return 'dracut-conf-d';
    case 'mkinitcpio':
      return 'mkinitcpio-conf';
    case 'uname':
      return 'uname';
    case 'iomem':
      return 'iomem';
    case 'dmidecode':
    case 'dmi-sysfs':
      return 'dmi';
    case 'systemd-detect-virt':
      return 'systemd-detect-virt';
    case 'sriov-sysfs':
      return null;
    case 'meminfo':
      return 'meminfo';
    case 'cpuinfo':
      return 'cpuinfo';
    case 'os-release':
      return 'os-release';
    case 'host-conf':
      return 'yunion-host-conf';
    case 'host-service-log':
      return 'host-service-log';
    case 'qemu-log':
    case 'dpdk-log':
      // the logs of what runs the VM or owns the device through VFIO: QEMU's, a DPDK application's
      return 'qemu-logs';
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/** Where a kind's host file lives, from a path a command named (`cat /etc/modprobe.d/vfio.conf`). */
const PATH_KINDS: readonly (readonly [RegExp, PieceKind])[] = [
  [/^\/proc\/cmdline$/, 'cmdline'],
  [/^\/etc\/default\/grub(?:\.d\/[^/]{1,255})?$/, 'default-grub'],
  [/^\/etc\/kernel\/cmdline$/, 'kernel-cmdline-file'],
  [/^\/boot(?:\/efi)?\/loader\/entries\/[^/]{1,255}$/, 'bls-entry'],
  [/^\/(?:etc|lib|usr\/lib)\/modprobe\.d\/[^/]{1,255}$/, 'modprobe-d'],
  [/^\/etc\/modules-load\.d\/[^/]{1,255}$/, 'modules-list'],
  [/^\/etc\/(?:modules|initramfs-tools\/modules)$/, 'modules-list'],
  [/^\/etc\/dracut\.conf(?:\.d\/[^/]{1,255})?$/, 'dracut-conf'],
  [/^\/etc\/mkinitcpio\.conf$/, 'mkinitcpio'],
  [/^\/proc\/modules$/, 'proc-modules'],
  [/^\/proc\/meminfo$/, 'meminfo'],
  [/^\/proc\/cpuinfo$/, 'cpuinfo'],
  [/^\/(?:etc|usr\/lib)\/os-release$/, 'os-release'],
  [/^\/proc\/iomem$/, 'iomem'],
  [/^\/sys\/(?:devices\/virtual|class)\/dmi\/id\/[a-z_]{1,40}$/, 'dmi-sysfs'],
  [/\/sriov_(?:numvfs|totalvfs)$/, 'sriov-sysfs'],
  [/^\/etc\/yunion\/host\.conf$/, 'host-conf'],
  [/^\/var\/log\/pods\//, 'host-service-log'],
  [/^\/(?:opt\/cloud\/workspace\/servers\/logs|var\/log\/libvirt\/qemu)\//, 'qemu-log'],
  [/^\/var\/log\/(?:dmesg|kern\.log|messages|syslog)(?:\.\d{1,3})?$/, 'kernel-log'],
  [/^\/boot\/(?:grub2?|efi\/EFI\/[^/]{1,255})\/grub\.cfg$/, 'grub-cfg'],
  [/^\/sys\/kernel\/iommu_groups/, 'iommu-groups'],
];

export function kindOfPath(path: string): PieceKind | null {
  for (const [re, kind] of PATH_KINDS) if (re.test(path)) return kind;
  return null;
}
