/**
 * Loaded modules, kernel release, memory, CPU, distribution, firmware and virtualization
 * evidence, line by line (see kind-rule.ts): lsmod, /proc/modules, `uname -a`/`-srvm`/`-r`,
 * /proc/iomem, `dmidecode` and /sys/class/dmi/id values, `systemd-detect-virt`, SR-IOV sysfs
 * transcripts, /proc/meminfo, /proc/cpuinfo, /etc/os-release.
 */
import { indented, never, type KindRule } from './kind-rule.js';

function lsmodRow(text: string): boolean {
  const f = text.trim().split(/\s+/);
  if (f.length < 3 || f.length > 4) return false;
  return /^[\w-]{1,64}$/.test(f[0] ?? '') && /^\d{3,12}$/.test(f[1] ?? '') && /^(?:-?\d{1,6}|-)$/.test(f[2] ?? '');
}

export const lsmodRule: KindRule = {
  kind: 'lsmod',
  strong: (text) => /^Module\s{1,40}Size\s{1,40}Used by/.test(text) || lsmodRow(text),
  weak: lsmodRow,
};

function procModulesRow(text: string): boolean {
  const f = text.trim().split(/\s+/);
  return (
    f.length >= 6 &&
    f.length <= 7 &&
    /^\d{1,12}$/.test(f[1] ?? '') &&
    /^(?:Live|Loading|Unloading)$/.test(f[4] ?? '') &&
    /^0x/.test(f[5] ?? '')
  );
}

export const procModulesRule: KindRule = { kind: 'proc-modules', strong: procModulesRow, weak: procModulesRow };

export const unameRule: KindRule = {
  kind: 'uname',
  // `uname -a`/`-srvm`, or a release alone with a distribution suffix (`6.8.12-4-pve`, `5.15.0-91-generic`)
  strong: (text) =>
    /^Linux (?:[\w.-]{1,64} )?\d{1,3}\.\d{1,3}\S{0,200} #\d/.test(text) ||
    /^\d{1,3}\.\d{1,3}\.\d{1,4}[-+~][\w.+~-]{1,100}$/.test(text.trim()),
  weak: (text) => /^\d{1,3}\.\d{1,3}[\w.+~-]{0,200}$/.test(text.trim()),
  single: true,
};

const IOMEM = /^\s*[0-9a-f]{8,16}-[0-9a-f]{8,16} : \S/;
export const iomemRule: KindRule = { kind: 'iomem', strong: (text) => IOMEM.test(text), weak: (text) => IOMEM.test(text) };

export const dmidecodeRule: KindRule = {
  kind: 'dmidecode',
  strong: (text) =>
    /^(?:Handle 0x[0-9A-Fa-f]{4}, DMI type \d{1,3}, \d{1,5} bytes|# dmidecode \d|SMBIOS \d{1,2}\.\d{1,2}(?:\.\d{1,2})? present\.|(?:System|Base Board|BIOS|Chassis) Information)$/.test(
      text.trim(),
    ),
  weak: (text) =>
    indented(text) || /^[A-Z][\w ()-]{1,60}:(?: |$)/.test(text) || /^(?:Getting SMBIOS|Table at |\d{1,4} structures)/.test(text),
  backfill: true,
};

export const dmiSysfsRule: KindRule = {
  kind: 'dmi-sysfs',
  strong: never,
  weak: (text) => text.trim() !== '',
  single: true,
  hintOnly: true,
};

const VIRT =
  /^(?:none|qemu|vmware|microsoft|oracle|xen|bochs|uml|parallels|bhyve|qnx|acrn|powervm|apple|sre|google|amazon|docker|podman|lxc|lxc-libvirt|systemd-nspawn|openvz|rkt|wsl|proot|pouch)$/;
export const detectVirtRule: KindRule = {
  kind: 'systemd-detect-virt',
  strong: (text) => VIRT.test(text.trim()),
  weak: (text) => /^[a-z][\w-]{1,20}$/.test(text.trim()),
  single: true,
};

export const sriovRule: KindRule = {
  kind: 'sriov-sysfs',
  strong: never,
  weak: (text) =>
    /^\s*\d{1,4}\s*$/.test(text) ||
    /write error|Permission denied|No such file|Invalid argument|Cannot allocate memory|Device or resource busy/.test(text),
  hintOnly: true,
};

const MEMINFO_KEYS =
  /^(?:MemTotal|MemFree|MemAvailable|HugePages_Total|HugePages_Free|HugePages_Rsvd|HugePages_Surp|Hugepagesize|Hugetlb|AnonHugePages|ShmemHugePages|FileHugePages|SwapTotal|SwapFree|Buffers|Cached|DirectMap4k|DirectMap2M|DirectMap1G):\s{1,40}\d{1,20}(?: kB)?\s*$/;
export const meminfoRule: KindRule = {
  kind: 'meminfo',
  strong: (text) => MEMINFO_KEYS.test(text),
  weak: (text) => /^[A-Za-z][\w()]{0,40}:\s{1,40}\d{1,20}(?: kB)?\s*$/.test(text),
};

export const cpuinfoRule: KindRule = {
  kind: 'cpuinfo',
  strong: (text) =>
    /^(?:processor|vendor_id|model name|cpu family|flags|cpu MHz|physical id|core id|cpu cores|microcode|bugs)\s{0,8}\t\s{0,8}: ?/.test(
      text,
    ),
  weak: (text) => /^[\w ]{1,30}\t{1,4}: ?/.test(text) || /^[\w ]{1,30}:$/.test(text),
};

export const osReleaseRule: KindRule = {
  kind: 'os-release',
  strong: (text) =>
    /^(?:NAME|ID|ID_LIKE|VERSION|VERSION_ID|PRETTY_NAME|VERSION_CODENAME|HOME_URL|SUPPORT_URL|BUG_REPORT_URL|PRIVACY_POLICY_URL|ANSI_COLOR|CPE_NAME|BUILD_ID|VARIANT|VARIANT_ID|LOGO|PLATFORM_ID|DOCUMENTATION_URL|UBUNTU_CODENAME|SUPPORT_END|IMAGE_ID|IMAGE_VERSION|(?:REDHAT|ROCKY|CENTOS|DEBIAN|ALMALINUX)_[A-Z_]{1,40})=/.test(
      text,
    ),
  weak: (text) => /^[A-Z][A-Z0-9_]{0,63}=/.test(text),
};
