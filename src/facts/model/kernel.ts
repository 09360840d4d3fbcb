/** The kernel command line, the kernel log, and the IOMMU as firmware and kernel see it. */
import type { EvidenceRef } from '../fact.js';

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
