/**
 * A recognised run's final kind and the words the report uses for what it was read as: the
 * lspci options its lines show (`lspci -nnk`, `lspci -k`, plain `lspci`, `-v` listings), the
 * kernel log's stamp style, the file a `cat` named.
 */
import type { SourceLine } from '../parsers/lines.js';
import { parseDmesg } from '../parsers/dmesg.js';
import { deviceLine } from '../parsers/lspci-nnk.js';
import type { CommandHint } from './command-hint.js';
import type { PieceKind } from './piece-kind.js';

/** lspci listings with capability lines are `-v` listings (lspci-vvv); /etc/kernel/cmdline is told by its path. */
export function refineKind(kind: PieceKind, lines: readonly SourceLine[], hint: CommandHint): PieceKind {
  if (kind === 'lspci' && lines.some((l) => /^\s*(?:Capabilities|Control|Flags): /.test(l.text))) return 'lspci-verbose';
  if (kind === 'cmdline' && (hint.path === '/etc/kernel/cmdline' || (hint.path === null && isProxmoxKernelCmdline(lines))))
    return 'kernel-cmdline-file';
  return kind;
}

/**
 * Proxmox's /etc/kernel/cmdline for a ZFS root (`root=ZFS=rpool/ROOT/pve-1 boot=zfs`, pve-docs
 * system-booting.adoc): a running kernel's /proc/cmdline also carries the `initrd=` or
 * `BOOT_IMAGE=` its loader adds.
 */
function isProxmoxKernelCmdline(lines: readonly SourceLine[]): boolean {
  const t = lines[0]?.text ?? '';
  return /(?:^|\s)root=ZFS=/.test(t) && !/(?:^|\s)(?:BOOT_IMAGE|initrd)=/.test(t);
}

function lspciForm(lines: readonly SourceLine[], verbose: boolean): string {
  let nn = false;
  let n = false;
  let k = false;
  let vv = false;
  for (const l of lines) {
    const d = deviceLine(l.text);
    if (d) {
      // `Unassigned class [ffff]` shows a class code without -nn: the ids tell -nn
      if (d.vendorId !== undefined && d.className.length > 4) nn = true;
      else if (d.vendorId !== undefined) n = true;
      continue;
    }
    const t = l.text.trim();
    if (t.startsWith('Kernel driver in use: ') || t.startsWith('Kernel modules: ')) k = true;
    if (t.startsWith('Control: ') || t.startsWith('LnkCap:')) vv = true;
  }
  const opts = `${nn ? 'nn' : n ? 'n' : ''}${verbose ? (vv ? 'vv' : 'v') : ''}${k && !verbose ? 'k' : ''}`;
  return opts === '' ? 'lspci' : `lspci -${opts}`;
}

function kernelLogForm(lines: readonly SourceLine[]): string {
  const d = parseDmesg(lines.map((l) => l.text).join('\n'));
  const first = lines[0]?.text.trimStart() ?? '';
  if (/^<\d{1,3}>/.test(first)) return 'dmesg -r';
  if (/^[a-z]{3,8}\d? {0,4}:[a-z]{3,6} {0,4}: /.test(first)) return 'dmesg -x';
  switch (d.format) {
    case 'monotonic':
      return lines.some((l) => l.text.includes(' kernel: ')) ? 'journalctl -k -o short-monotonic' : 'dmesg';
    case 'ctime':
      return 'dmesg -T';
    case 'relative':
      return 'dmesg -H';
    case 'journal':
      return 'journalctl -k';
    case 'iso':
      return 'kernel log with ISO time stamps';
    case 'mixed':
      return 'kernel log (mixed time stamps)';
    default:
      return 'kernel messages without time stamps';
  }
}

function iommuForm(lines: readonly SourceLine[], hint: CommandHint): string {
  const t = lines[0]?.text.trim() ?? '';
  if (t.startsWith('/sys/kernel/iommu_groups/')) return 'find /sys/kernel/iommu_groups';
  if (hint.group !== null) return `ls of /sys/kernel/iommu_groups/${hint.group}/devices`;
  if (/^IOM{1,3}U {1,4}[Gg]roup:? {1,4}\d{1,9}:? {1,4}\S/.test(t)) return 'IOMMU group listing (one line per device)';
  return 'IOMMU group listing (a header per group)';
}

const FIXED: Readonly<Partial<Record<PieceKind, string>>> = {
  lsmod: 'lsmod',
  'proc-modules': '/proc/modules',
  cmdline: '/proc/cmdline',
  'kernel-cmdline-file': '/etc/kernel/cmdline',
  'default-grub': '/etc/default/grub',
  'grub-cfg': 'grub.cfg',
  'bls-entry': 'BLS boot entry',
  'modprobe-d': 'modprobe.d',
  'modules-list': 'module list (modules-load.d)',
  'dracut-conf': 'dracut.conf.d',
  mkinitcpio: 'mkinitcpio.conf',
  iomem: '/proc/iomem',
  dmidecode: 'dmidecode',
  'dmi-sysfs': '/sys/class/dmi/id',
  'systemd-detect-virt': 'systemd-detect-virt',
  'sriov-sysfs': 'SR-IOV sysfs (sriov_totalvfs / sriov_numvfs)',
  meminfo: '/proc/meminfo',
  cpuinfo: '/proc/cpuinfo',
  'os-release': '/etc/os-release',
  'host-conf': 'Cloudpods /etc/yunion/host.conf',
  'host-service-log': 'Cloudpods host-service log',
  'qemu-log': 'QEMU / libvirt log',
  'dpdk-log': 'DPDK application log',
};

export function readAsOf(kind: PieceKind, lines: readonly SourceLine[], hint: CommandHint): string {
  switch (kind) {
    case 'kernel-log':
      return kernelLogForm(lines);
    case 'lspci':
    case 'lspci-verbose':
      return lspciForm(lines, kind === 'lspci-verbose');
    case 'iommu-groups':
      return iommuForm(lines, hint);
    case 'uname': {
      const t = lines[0]?.text.trim() ?? '';
      return /^Linux \S+ \d/.test(t) && !/^Linux \d/.test(t) ? 'uname -a' : /^\d/.test(t) ? 'uname -r' : 'uname -srvm';
    }
    case 'default-grub':
      return lines.length === 1 && hint.path === null
        ? `${lines[0]?.text.trim().split('=')[0] ?? 'GRUB'} line of /etc/default/grub`
        : (hint.path ?? '/etc/default/grub');
    case 'modprobe-d':
    case 'modules-list':
    case 'dracut-conf':
    case 'bls-entry':
    case 'dmi-sysfs':
    case 'sriov-sysfs':
      return hint.path ?? FIXED[kind] ?? kind;
    default:
      return FIXED[kind] ?? kind;
  }
}
