/**
 * Firmware (BIOS/UEFI setup) settings, named per CPU vendor. Menu paths differ per board vendor;
 * only the setting's name is given unless the board vendor's documented path is known.
 * On a virtual machine there is no firmware setting to change: what the guest lacks, the outer
 * hypervisor has to give it (nested virtualization, a virtual IOMMU; src/fixes/nested.ts cites how).
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { CpuVendor } from '../facts/model.js';
import type { FixStep } from './fix.js';

type VendorOrHost = CpuVendor | null | HostProfile;

const vendorOf = (v: VendorOrHost): CpuVendor | null => (v !== null && typeof v === 'object' ? v.cpuVendor : v);
const inVm = (v: VendorOrHost): boolean => v !== null && typeof v === 'object' && v.virtualMachine === true;

export function enableIommuInFirmware(host: VendorOrHost, boardVendor: string | null): FixStep {
  const vendor = vendorOf(host);
  if (inVm(host))
    return {
      kind: 'note',
      text: `This host is a virtual machine: on the outer hypervisor, give it a virtual IOMMU (QEMU -device ${vendor === 'amd' ? 'amd-iommu' : 'intel-iommu,intremap=on,caching-mode=on'} on a q35 machine; libvirt <iommu model="${vendor === 'amd' ? 'amd' : 'intel'}"/>).`,
    };
  const where = boardVendor ? ` (${boardVendor} firmware setup)` : '';
  if (vendor === 'amd') return { kind: 'firmware', setting: `Enable "IOMMU" (also shown as AMD-Vi) and "SVM Mode"${where}` };
  if (vendor === 'intel') return { kind: 'firmware', setting: `Enable "Intel VT-d" (Virtualization Technology for Directed I/O)${where}` };
  return { kind: 'firmware', setting: `Enable the IOMMU (Intel VT-d or AMD IOMMU/AMD-Vi)${where}` };
}

export function enableCpuVirtualization(host: VendorOrHost): FixStep {
  const vendor = vendorOf(host);
  if (inVm(host))
    return {
      kind: 'note',
      text: `This host is a virtual machine: on the outer hypervisor, enable nested virtualization (${vendor === 'amd' ? 'kvm_amd nested=1' : 'kvm_intel nested=1'}) and give the guest the host CPU model (QEMU -cpu host, libvirt <cpu mode="host-passthrough"/>).`,
    };
  if (vendor === 'amd') return { kind: 'firmware', setting: 'Enable "SVM Mode" (AMD-V)' };
  if (vendor === 'intel') return { kind: 'firmware', setting: 'Enable "Intel Virtualization Technology" (VT-x)' };
  return { kind: 'firmware', setting: 'Enable CPU virtualization (Intel VT-x or AMD SVM)' };
}
