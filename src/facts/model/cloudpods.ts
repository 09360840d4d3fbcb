/** The Cloudpods host service: host.conf, its log, its devices. */
import type { EvidenceGap, EvidenceRef } from '../fact.js';

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
