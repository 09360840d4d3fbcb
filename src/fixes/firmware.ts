/**
 * Firmware (BIOS/UEFI setup) settings, named per CPU vendor. Menu paths differ per board vendor;
 * only the setting's name is given unless the board vendor's documented path is known.
 */
import type { CpuVendor } from '../facts/model.js';
import type { FixStep } from './fix.js';

export function enableIommuInFirmware(vendor: CpuVendor | null, boardVendor: string | null): FixStep {
  const where = boardVendor ? ` (${boardVendor} firmware setup)` : '';
  if (vendor === 'amd') return { kind: 'firmware', setting: `Enable "IOMMU" (also shown as AMD-Vi) and "SVM Mode"${where}` };
  if (vendor === 'intel') return { kind: 'firmware', setting: `Enable "Intel VT-d" (Virtualization Technology for Directed I/O)${where}` };
  return { kind: 'firmware', setting: `Enable the IOMMU (Intel VT-d or AMD IOMMU/AMD-Vi)${where}` };
}

export function enableCpuVirtualization(vendor: CpuVendor | null): FixStep {
  if (vendor === 'amd') return { kind: 'firmware', setting: 'Enable "SVM Mode" (AMD-V)' };
  if (vendor === 'intel') return { kind: 'firmware', setting: 'Enable "Intel Virtualization Technology" (VT-x)' };
  return { kind: 'firmware', setting: 'Enable CPU virtualization (Intel VT-x or AMD SVM)' };
}
