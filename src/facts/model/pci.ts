/** PCI devices, the targets of passthrough, and the devices that hold host storage. */
import type { EvidenceRef } from '../fact.js';

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
  /** Present when the inventory lists more functions than are analyzed (MAX_PCI_FUNCTIONS): how many it lists. */
  readonly cut?: { readonly listed: number; readonly analyzed: number };
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

export interface HostStorageDevice {
  readonly address: string;
  readonly why: string;
  readonly ref: EvidenceRef;
}

export interface HostStorageFacts {
  /** PCI functions (and their parent bridges) that back a mounted filesystem or swap of the host. */
  readonly devices: readonly HostStorageDevice[];
}
