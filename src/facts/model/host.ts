/** The host: CPU, kernel release, virtualization and KVM. */
import type { EvidenceRef } from '../fact.js';

export type CpuVendor = 'intel' | 'amd' | 'other';

export type DistroFamily = 'rhel-like' | 'debian-like' | 'proxmox' | 'suse' | 'arch' | 'other';

export type BootMode = 'uefi' | 'bios';

export type { HostProfile } from '../host-profile.js';

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
