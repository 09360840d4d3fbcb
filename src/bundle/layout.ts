/**
 * The bundle contract: every piece of evidence the collectors gather, by logical id.
 *
 * The shell collector (src/collector/collect.sh) and the analyzer share this table; a test
 * (test/collector/layout-parity.test.ts) checks that every id here is attempted by the script, with
 * this source, and that the script attempts nothing else. Copied files keep their host path inside the bundle (as sos does);
 * command output lives under `commands/<id>.out` with stderr beside it in `commands/<id>.err`.
 *
 * `many: true` items are directories or globs: the bundle holds one file per host file, each
 * listed in the manifest under the same id.
 */

export type EvidenceKind = 'file' | 'command';

export interface EvidenceSpec {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** What the user recognises: a host path, glob, or the command as typed. */
  readonly source: string;
  /** Bundle path (files: the host path without the leading slash; commands: commands/<id>.out). */
  readonly path: string;
  /** A directory or glob: several files share the id. `path` is then the bundle prefix. */
  readonly many?: true;
  /** Needs root to read on a normal host (the non-root hint names these). */
  readonly root?: true;
  /** Attempted only when the named evidence could not be collected (not listed otherwise). */
  readonly fallbackFor?: string;
  /**
   * The collector version that first collected it: a bundle of an older collector does not list
   * the item, and that is no gap (older collectors never tried).
   */
  readonly since?: string;
}

const file = (id: string, hostPath: string, extra: Partial<EvidenceSpec> = {}): EvidenceSpec => ({
  id,
  kind: 'file',
  source: hostPath,
  path: hostPath.replace(/^\/+/, ''),
  ...extra,
});

const dir = (id: string, hostGlob: string, prefix: string, extra: Partial<EvidenceSpec> = {}): EvidenceSpec => ({
  id,
  kind: 'file',
  source: hostGlob,
  path: prefix,
  many: true,
  ...extra,
});

const command = (id: string, argv: string, extra: Partial<EvidenceSpec> = {}): EvidenceSpec => ({
  id,
  kind: 'command',
  source: argv,
  path: `commands/${id}.out`,
  ...extra,
});

export const EVIDENCE = [
  // Kernel and boot state
  file('cmdline', '/proc/cmdline'),
  command('uname', 'uname -srvm'),
  command('dmesg', 'dmesg', { root: true }),
  command('journal-kernel', 'journalctl -k -b --no-pager', { root: true, fallbackFor: 'dmesg' }),
  file('var-log-dmesg', '/var/log/dmesg', { fallbackFor: 'dmesg' }),
  file('kern-log', '/var/log/kern.log', { root: true, fallbackFor: 'dmesg' }),
  command('kernel-log-aer', 'AER and DPC lines of the kernel log (dmesg, else journalctl -k, /var/log/dmesg, /var/log/kern.log)', {
    root: true,
    since: '0.2.0',
  }),
  command('boot-times', 'btime from /proc/stat and mtimes of boot configs'),
  command('kernel-config', 'grep IOMMU/VFIO/KVM lines of /boot/config-$(uname -r)'),
  // Modules
  file('proc-modules', '/proc/modules'),
  command('lsmod', 'lsmod'),
  command('sys-module', 'ls /sys/module'),
  // PCI and IOMMU
  command('lspci-nnk', 'lspci -nnk'),
  command('lspci-vvv', 'lspci -nnvvv', { root: true }),
  command('pci-sysfs', 'sysfs PCI inventory of /sys/bus/pci/devices/*'),
  command('pci-aer', 'AER counters of /sys/bus/pci/devices/*/aer_*', { since: '0.2.0' }),
  command('iommu-groups', 'ls /sys/kernel/iommu_groups/*/devices'),
  command('iommu-group-type', 'cat /sys/kernel/iommu_groups/*/type', { since: '0.2.0' }),
  command('sys-class-iommu', 'ls /sys/class/iommu'),
  command('iommu-devices', 'ls /sys/class/iommu/*/devices', { since: '0.2.0' }),
  command('devicetree-iommu', 'find /sys/firmware/devicetree/base -name iommus -o -name iommu-map -o -name msi-map ...', {
    since: '0.2.0',
  }),
  command('acpi-tables', 'ls /sys/firmware/acpi/tables'),
  command('efi', 'ls /sys/firmware/efi'),
  file('proc-iomem', '/proc/iomem', { root: true, since: '0.2.0' }),
  command('dev-vfio', 'ls -l /dev/vfio'),
  command('dev-kvm', 'ls -l /dev/kvm'),
  // Boot configuration
  file('default-grub', '/etc/default/grub'),
  dir('default-grub-d', '/etc/default/grub.d/*.cfg', 'etc/default/grub.d/'),
  file('grub2-cfg', '/boot/grub2/grub.cfg', { root: true }),
  file('grub-cfg', '/boot/grub/grub.cfg', { root: true }),
  dir('efi-grub-cfg', '/boot/efi/EFI/*/grub.cfg', 'boot/efi/EFI/', { root: true }),
  file('grubenv', '/boot/grub2/grubenv', { root: true }),
  dir('bls-entries', '/boot/loader/entries/*.conf', 'boot/loader/entries/', { root: true }),
  dir('esp-loader-entries', '/boot/efi/loader/entries/*.conf', 'boot/efi/loader/entries/', { root: true }),
  file('kernel-cmdline-file', '/etc/kernel/cmdline'),
  // Module loading and initramfs configuration
  dir('modules-load-d', '/etc/modules-load.d/*.conf', 'etc/modules-load.d/'),
  file('etc-modules', '/etc/modules'),
  dir('modprobe-d', '/etc/modprobe.d/*.conf', 'etc/modprobe.d/'),
  dir('dracut-conf-d', '/etc/dracut.conf.d/*.conf', 'etc/dracut.conf.d/'),
  file('initramfs-tools-modules', '/etc/initramfs-tools/modules'),
  // CPU, memory, platform
  file('cpuinfo', '/proc/cpuinfo'),
  file('meminfo', '/proc/meminfo'),
  command('hugepages', 'cat /sys/kernel/mm/hugepages/*/{nr,free}_hugepages'),
  file('os-release', '/etc/os-release'),
  command('dmi', 'cat /sys/class/dmi/id/{sys_vendor,product_name,board_vendor,board_name,bios_vendor,bios_version,bios_date}'),
  command('systemd-detect-virt', 'systemd-detect-virt'),
  // Storage backing the host, USB, serial
  file('mounts', '/proc/mounts'),
  file('swaps', '/proc/swaps'),
  command('block-devices', 'sysfs device path of /sys/block/*'),
  command('lsusb', 'lsusb'),
  // Network: which PCI function each network device is, and which carry the host's own traffic
  command('net-devices', 'sysfs of /sys/class/net/*, routes of /proc/net/{route,ipv6_route,if_inet6}', { since: '0.2.0' }),
  // Cloudpods host service: its configuration (secret values always masked by the collector), its
  // log (tail), the QEMU start logs of its VMs, and the hugepage unit it relies on. Collector 0.1.0
  // recorded these only on Cloudpods hosts; from 0.2.0 on they are recorded (absent) everywhere.
  file('yunion-host-conf', '/etc/yunion/host.conf', { root: true, since: '0.2.0' }),
  dir('host-service-log', '/var/log/pods/onecloud_default-host-*/host/*.log', 'var/log/pods/', { root: true, since: '0.2.0' }),
  // only with --kubectl (it asks the Kubernetes API server), when no log file was found
  command('host-service-kubectl', 'kubectl -n onecloud logs <default-host pod> -c host --tail=20000', { fallbackFor: 'host-service-log' }),
  dir('qemu-logs', '/opt/cloud/workspace/servers/logs/*', 'opt/cloud/workspace/servers/logs/', { root: true, since: '0.2.0' }),
  command('hugetlb-service', 'systemctl is-enabled/is-active oc-hugetlb-gigantic-pages; its unit and reserve script', {
    since: '0.2.0',
  }),
] as const satisfies readonly EvidenceSpec[];

export type EvidenceId = (typeof EVIDENCE)[number]['id'];

export const EVIDENCE_BY_ID: ReadonlyMap<string, EvidenceSpec> = new Map(EVIDENCE.map((e) => [e.id, e]));

export const MANIFEST_PATH = 'manifest.json';

/**
 * Whether a bundle path is one of the files a `many` item's host glob names (`*` stays within one
 * path component, as in the shell), for bundles without a manifest to list them: a prefix alone
 * would take every pod's log for the host service's, or EFI binaries for grub.cfg files.
 */
export function matchesGlob(spec: EvidenceSpec, bundlePath: string): boolean {
  const pattern = spec.source
    .replace(/^\/+/, '')
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^/]*');
  return new RegExp(`^${pattern}$`).test(bundlePath);
}
