/**
 * Firmware (BIOS/UEFI setup) settings, named per CPU vendor and architecture. Menu paths differ per
 * board vendor; only the setting's name is given unless the board vendor's documented path is known.
 * On a virtual machine there is no firmware setting to change: what the guest lacks, the outer
 * hypervisor has to give it (nested virtualization, a virtual IOMMU; src/fixes/nested.ts cites how).
 *
 * Arm servers call the IOMMU the SMMU (System MMU): "SMMU" in the setup of most boards, "Support
 * Smmu" in the BIOS of Huawei's Kunpeng/TaiShan servers. The Arm virtualization extension is EL2,
 * the exception level the firmware enters the kernel at (arch/arm64/kernel/smp.c hyp_mode_check):
 * there is no VT-x-style switch, so a kernel started at EL1 needs firmware (or an outer hypervisor)
 * that hands over at EL2. QEMU's virt board gets an SMMUv3 with `-machine virt,iommu=smmuv3`
 * (libvirt `<iommu model='smmuv3'/>`) and EL2 with `virtualization=on` (docs/system/arm/virt.rst).
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { CpuVendor } from '../facts/model.js';
import type { FixStep } from './fix.js';

type VendorOrHost = CpuVendor | null | HostProfile;

const vendorOf = (v: VendorOrHost): CpuVendor | null => (v !== null && typeof v === 'object' ? v.cpuVendor : v);
const inVm = (v: VendorOrHost): boolean => v !== null && typeof v === 'object' && v.virtualMachine === true;
export const isArm = (v: VendorOrHost): boolean => v !== null && typeof v === 'object' && v.arch === 'aarch64';

export function enableIommuInFirmware(host: VendorOrHost, boardVendor: string | null): FixStep {
  const vendor = vendorOf(host);
  if (isArm(host) && inVm(host))
    return {
      kind: 'note',
      text: 'This host is a virtual machine: on the outer hypervisor, give it a virtual SMMU (QEMU -machine virt,iommu=smmuv3; libvirt <iommu model="smmuv3"/>).',
    };
  if (inVm(host))
    return {
      kind: 'note',
      text: `This host is a virtual machine: on the outer hypervisor, give it a virtual IOMMU (QEMU -device ${vendor === 'amd' ? 'amd-iommu' : 'intel-iommu,intremap=on,caching-mode=on'} on a q35 machine; libvirt <iommu model="${vendor === 'amd' ? 'amd' : 'intel'}"/>).`,
    };
  const where = boardVendor ? ` (${boardVendor} firmware setup)` : '';
  if (isArm(host))
    return {
      kind: 'firmware',
      setting: `Enable "SMMU" (the Arm System MMU; "Support Smmu" in the BIOS of Huawei Kunpeng/TaiShan servers)${where}`,
    };
  if (vendor === 'amd') return { kind: 'firmware', setting: `Enable "IOMMU" (also shown as AMD-Vi) and "SVM Mode"${where}` };
  if (vendor === 'intel') return { kind: 'firmware', setting: `Enable "Intel VT-d" (Virtualization Technology for Directed I/O)${where}` };
  return { kind: 'firmware', setting: `Enable the IOMMU (Intel VT-d or AMD IOMMU/AMD-Vi)${where}` };
}

export function enableCpuVirtualization(host: VendorOrHost): FixStep {
  const vendor = vendorOf(host);
  if (isArm(host) && inVm(host))
    return {
      kind: 'note',
      text: 'This host is a virtual machine: on the outer hypervisor, start it with EL2 (QEMU -machine virt,virtualization=on: under TCG, or under KVM on an outer host that offers nested virtualization).',
    };
  if (inVm(host))
    return {
      kind: 'note',
      text: `This host is a virtual machine: on the outer hypervisor, enable nested virtualization (${vendor === 'amd' ? 'kvm_amd nested=1' : 'kvm_intel nested=1'}) and give the guest the host CPU model (QEMU -cpu host, libvirt <cpu mode="host-passthrough"/>).`,
    };
  if (isArm(host))
    return {
      kind: 'firmware',
      setting:
        'Have the firmware start the kernel at EL2 (the Arm virtualization extension): enable the virtualization option where the setup has one, or update the firmware; a boot loader or hypervisor that enters the kernel at EL1 hides EL2',
    };
  if (vendor === 'amd') return { kind: 'firmware', setting: 'Enable "SVM Mode" (AMD-V)' };
  if (vendor === 'intel') return { kind: 'firmware', setting: 'Enable "Intel Virtualization Technology" (VT-x)' };
  return { kind: 'firmware', setting: 'Enable CPU virtualization (Intel VT-x or AMD SVM)' };
}
