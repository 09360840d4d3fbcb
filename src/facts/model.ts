/**
 * The facts model: the values rules reason about, each wrapped in a tri-state Fact by facts.ts.
 * Plain serialisable data (arrays and records, no Maps or classes) so `--dump-facts` and JSON
 * output are the model itself.
 */
import type { EvidenceGap, EvidenceRef } from './fact.js';

export type CpuVendor = 'intel' | 'amd' | 'other';
export type DistroFamily = 'rhel-like' | 'debian-like' | 'proxmox' | 'suse' | 'arch' | 'other';
export type BootMode = 'uefi' | 'bios';

export type { HostProfile } from './host-profile.js';

export interface CpuFacts {
  readonly vendor: CpuVendor;
  readonly vendorId: string;
  readonly modelName: string | null;
  /** vmx (Intel VT-x) or svm (AMD-V), when the CPU reports it. */
  readonly virtFlag: 'vmx' | 'svm' | null;
  readonly hypervisorFlag: boolean;
  readonly hasPdpe1gb: boolean;
  readonly flagsRef: EvidenceRef;
}

export interface KernelFacts {
  readonly release: string;
  readonly major: number;
  readonly minor: number;
}

export interface KernelParam {
  /** Normalised key: module prefixes use `_` (vfio-pci.ids → vfio_pci.ids). */
  readonly key: string;
  readonly value: string | null;
  /** As written. */
  readonly raw: string;
}

export interface CmdlineFacts {
  readonly params: readonly KernelParam[];
  readonly ref: EvidenceRef;
}

export interface KernelLogLine {
  readonly line: number;
  readonly text: string;
  readonly message: string;
  /** Monotonic seconds, when the log has them. */
  readonly time?: number;
}

export interface KernelLogFacts {
  /** Which evidence the log came from: 'dmesg', 'journal-kernel', 'var-log-dmesg', 'kern-log'. */
  readonly evidence: string;
  readonly source: string;
  /** The log still holds the first boot messages (starts at [0.000000] or "Linux version"). */
  readonly hasBootMessages: boolean;
  readonly firstTime: number | null;
  readonly truncated: boolean;
  readonly lines: readonly KernelLogLine[];
}

export interface FirmwareIommuFacts {
  /** The ACPI table that describes the IOMMU: DMAR (Intel VT-d), IVRS (AMD-Vi), IORT (Arm, when it describes an SMMU), or none. */
  readonly table: 'DMAR' | 'IVRS' | 'IORT' | null;
  readonly decidedBy: 'acpi-tables' | 'kernel-log' | 'devicetree' | 'iommu-units';
  /** Arm hosts: the SMMU the firmware describes (null: none) and through what (ACPI IORT or the device tree). Absent on x86. */
  readonly smmu?: { readonly kind: 'SMMUv3' | 'SMMUv1/v2' | 'IOMMU' | null; readonly via: 'acpi' | 'devicetree' };
}

export interface KernelIommuFacts {
  /** The kernel runs an IOMMU driver: /sys/class/iommu has units or groups exist. */
  readonly active: boolean;
  readonly groupCount: number;
  readonly units: readonly string[];
}

export interface InterruptRemappingFacts {
  readonly enabled: boolean;
  /** What decided it: a line that says so, or (disabled only) the absence of the enabling line in a whole log. */
  readonly provenBy: 'line' | 'absence';
}

export interface ModuleFacts {
  /** Loaded modules, names normalised with `_`. */
  readonly loaded: readonly string[];
  /** Built into the kernel (in /sys/module, not in /proc/modules); empty when /sys/module was not collected. */
  readonly builtin: readonly string[];
  /** The line that shows each module (a /proc/modules line, or its /sys/module entry). */
  readonly refs: Readonly<Record<string, EvidenceRef>>;
}

export interface ModprobeDirective {
  readonly kind: 'options' | 'softdep' | 'blacklist' | 'install' | 'alias' | 'remove';
  /** Module name with `-` folded to `_`. */
  readonly module: string;
  /** `options` parameters. */
  readonly params: readonly { readonly key: string; readonly value: string | null }[];
  /** `softdep … pre:` modules (folded). */
  readonly pre: readonly string[];
  /** `install`/`remove` command, verbatim. */
  readonly command: string | null;
  readonly ref: EvidenceRef;
}

export interface BootModuleEntry {
  readonly module: string;
  /** modules-load.d, /etc/modules, dracut, initramfs-tools */
  readonly via: 'modules-load-d' | 'etc-modules' | 'dracut' | 'initramfs-tools';
  readonly ref: EvidenceRef;
}

export interface ModuleConfigFacts {
  readonly modprobe: readonly ModprobeDirective[];
  readonly loadAtBoot: readonly BootModuleEntry[];
}

export type Bootloader = 'grub' | 'grub-bls' | 'systemd-boot' | 'unknown';

export interface BootParamSource {
  /** The file a user edits (/etc/default/grub, /etc/kernel/cmdline) or a generated one. */
  readonly file: string;
  readonly role: 'source' | 'generated';
  readonly params: readonly KernelParam[];
  readonly ref: EvidenceRef;
  /** Modified after the last boot (from the manifest's mtime and btime). */
  readonly changedSinceBoot: boolean | null;
}

export interface BootConfigFacts {
  readonly bootloader: Bootloader;
  readonly bootMode: BootMode | null;
  readonly sources: readonly BootParamSource[];
  /** Paths of grub.cfg files found, with the one this boot mode reads. */
  readonly grubCfgPaths: readonly string[];
  /** Every grub.cfg found: whether it is a stub that hands over with `configfile`, and the
   * parameters of its entry for the running kernel (null for a stub or an entry-less file). */
  readonly grubCfgs: readonly {
    readonly file: string;
    readonly stub: boolean;
    readonly params: readonly KernelParam[] | null;
    readonly ref: EvidenceRef;
  }[];
  readonly activeGrubCfg: string | null;
  /** Boot files that exist but could not be read (non-root collection). */
  readonly unreadable: readonly { readonly source: string; readonly reason: string; readonly collect: string }[];
  /** Whether any boot file was looked for (collected, or seen to be absent): false for a paste without them. */
  readonly looked: boolean;
}

export interface PciDevice {
  readonly address: string;
  readonly vendor: string;
  readonly device: string;
  readonly subsystem: string | null;
  /** Six hex digits, e.g. 030000. */
  readonly classCode: string;
  readonly className: string | null;
  readonly name: string | null;
  readonly driver: string | null;
  /** Whether `driver` null means "no driver": false for a device seen only in a cut or driverless listing (lspci -nn, a grep). */
  readonly driverKnown: boolean;
  readonly modules: readonly string[];
  readonly group: string | null;
  readonly driverOverride: string | null;
  readonly bootVga: boolean | null;
  readonly resetMethod: string | null;
  readonly sriovTotalVfs: number | null;
  readonly sriovNumVfs: number | null;
  readonly physfn: string | null;
  /** Parent bridge addresses from the sysfs path, nearest first. */
  readonly parents: readonly string[];
  /** Function-level reset advertised in DevCap (lspci -vvv `FLReset+`), null when lspci -vvv is missing. */
  readonly flr: boolean | null;
  /** PCIe port type from lspci -vvv (`Endpoint`, `Root Port`, `Legacy Endpoint`, …). */
  readonly pcieType: string | null;
  readonly refs: readonly EvidenceRef[];
}

export interface PciFacts {
  readonly devices: readonly PciDevice[];
  /** IOMMU group → member addresses. */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly groupsFrom: 'sysfs' | 'kernel-log' | 'lspci' | 'none';
}

export interface TargetDevice {
  readonly address: string;
  /** Named by the customer (--device, vfio-pci.ids, driver_override, bound to vfio-pci); false for candidates shown because nothing was named. */
  readonly explicit: boolean;
  readonly why: readonly string[];
  readonly refs: readonly EvidenceRef[];
}

export interface VfioId {
  readonly vendor: string;
  readonly device: string;
  readonly raw: string;
  readonly ref: EvidenceRef;
}

export interface TargetFacts {
  readonly devices: readonly TargetDevice[];
  /** `vfio-pci.ids` from the running cmdline and `options vfio-pci ids=` in modprobe.d. */
  readonly vfioIds: readonly VfioId[];
  /** --device values that matched no device. */
  readonly unmatched: readonly string[];
}

export interface HugepagePool {
  readonly sizeKb: number;
  readonly node: number | null;
  readonly total: number;
  readonly free: number | null;
  readonly ref: EvidenceRef;
}

export interface HugepageFacts {
  readonly pools: readonly HugepagePool[];
}

export interface VirtualizationFacts {
  readonly isVirtualMachine: boolean;
  /** systemd-detect-virt's word or the DMI product, when known. */
  readonly hypervisor: string | null;
}

export interface KvmFacts {
  /** /dev/kvm exists (true), does not (false), or was not collected (null). */
  readonly devKvm: boolean | null;
  readonly module: string | null;
}

export interface HostStorageDevice {
  readonly address: string;
  readonly why: string;
  readonly ref: EvidenceRef;
}

export interface HostStorageFacts {
  /** PCI functions (and their parent bridges) that back a mounted filesystem or swap of the host. */
  readonly devices: readonly HostStorageDevice[];
}

export interface CollectionItem {
  readonly id: string;
  readonly source: string;
  readonly status: string;
}

export interface CollectionFacts {
  readonly hasManifest: boolean;
  /** A collector's bundle, loose evidence given by hand (files, a paste), a sosreport, or another tree. */
  readonly layout: 'bundle' | 'loose' | 'sosreport' | 'tree';
  /** What the manifest does not list at all: never collected (evidence given by hand lists only what was given). */
  readonly notAttempted: readonly CollectionItem[];
  readonly manifestProblem: string | null;
  readonly uid: number | null;
  readonly collector: string | null;
  /** Every item the collector attempted, with its status. */
  readonly inventory: readonly CollectionItem[];
  /** Items that could not be collected (denied, timeout, no-command, error, truncated, lost). */
  readonly problems: readonly CollectionItem[];
  readonly skippedEntries: number;
  readonly lost: string | null;
}

export interface HostConfSetting {
  /** As written in host.conf. */
  readonly key: string;
  readonly value: string | null;
  readonly items: readonly { readonly value: string; readonly ref: EvidenceRef }[];
  readonly ref: EvidenceRef;
}

export interface CloudpodsLogLine {
  readonly level: string | null;
  readonly message: string;
  readonly ref: EvidenceRef;
}

export interface CloudpodsFacts {
  /** /etc/yunion/host.conf exists (even unreadable) or the host service's pod log was found. */
  readonly detected: boolean;
  readonly detectedBy: readonly EvidenceRef[];
  /** Parsed host.conf; null when it could not be read (see hostConfMissing). */
  readonly hostConf: readonly HostConfSetting[] | null;
  readonly hostConfMissing: { readonly reason: string; readonly collect: readonly string[] } | null;
  /** `host_type` (default hypervisor, pkg/hostman/options/options.go HostType). */
  readonly hostType: string;
  /** Host service log lines; null when no log was collected. */
  readonly log: readonly CloudpodsLogLine[] | null;
  /** Lines of the VMs' QEMU logs (/opt/cloud/workspace/servers/logs/*); null when they were not
   * collected. `gaps`: logs that were cut (the collector keeps each log's tail) or unreadable. */
  readonly qemuLog: { readonly lines: readonly CloudpodsLogLine[]; readonly gaps: readonly EvidenceGap[] } | null;
  readonly hugetlbService: {
    readonly enabled: string | null;
    readonly active: string | null;
    readonly reserveScript: boolean | null;
    readonly refs: readonly EvidenceRef[];
  } | null;
  /** USB devices from `lsusb` (root hubs included); null when lsusb was not collected (see `usbMissing`). */
  readonly usbDevices: readonly CloudpodsUsbDevice[] | null;
  readonly usbMissing: { readonly reason: string; readonly collect: readonly string[] } | null;
  /** Names under /dev/vfio (`vfio` and group numbers); null when `ls -l /dev/vfio` was not collected or /dev/vfio is absent. */
  readonly devVfio: { readonly names: readonly string[]; readonly ref: EvidenceRef } | null;
  /** PCI endpoints of disks held by device-mapper or md (LVM PVs, LUKS, RAID members), mounted or not; null without the block device listing. */
  readonly heldDisks: readonly { readonly address: string; readonly why: string; readonly ref: EvidenceRef }[] | null;
}

export interface CloudpodsUsbDevice {
  readonly bus: string;
  readonly device: string;
  readonly vendor: string;
  readonly product: string;
  readonly description: string;
  readonly ref: EvidenceRef;
}
