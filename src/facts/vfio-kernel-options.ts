/**
 * The kernel options device passthrough needs (each `y` or `m`): VFIO (drivers/vfio/Kconfig
 * `menuconfig VFIO`), VFIO_IOMMU_TYPE1 (selected by VFIO on x86), VFIO_PCI (drivers/vfio/pci/Kconfig),
 * IOMMU_SUPPORT and the vendor driver INTEL_IOMMU / AMD_IOMMU (drivers/iommu/Kconfig,
 * drivers/iommu/intel/Kconfig, drivers/iommu/amd/Kconfig). An option missing from the grep'd
 * config is not built: Kconfig writes `# X is not set` only for visible symbols, and the VFIO_PCI
 * menu is invisible when VFIO is off (test/fixtures/kernel-config/firecracker-6.18.txt).
 */
import type { KernelConfigFacts } from './kernel-config.js';
import type { EvidenceRef } from './fact.js';
import type { CpuVendor } from './model.js';

export interface KernelOptionState {
  readonly name: string;
  readonly value: string;
  readonly ref: EvidenceRef | null;
}

export function missingKernelOptions(
  cfg: KernelConfigFacts,
  vendor: CpuVendor | null,
): { missing: KernelOptionState[]; present: KernelOptionState[] } {
  const names = ['CONFIG_VFIO', 'CONFIG_VFIO_IOMMU_TYPE1', 'CONFIG_VFIO_PCI', 'CONFIG_IOMMU_SUPPORT'];
  if (vendor === 'intel') names.push('CONFIG_INTEL_IOMMU');
  if (vendor === 'amd') names.push('CONFIG_AMD_IOMMU');
  const states = names.map((name) => {
    const o = cfg[name];
    return { name, value: o?.value ?? 'n', ref: o?.ref ?? null };
  });
  if (vendor === null && !['CONFIG_INTEL_IOMMU', 'CONFIG_AMD_IOMMU'].some((n) => built(cfg[n]?.value)))
    states.push({
      name: 'CONFIG_INTEL_IOMMU or CONFIG_AMD_IOMMU',
      value: 'n',
      ref: cfg['CONFIG_INTEL_IOMMU']?.ref ?? cfg['CONFIG_AMD_IOMMU']?.ref ?? null,
    });
  return { missing: states.filter((s) => !built(s.value)), present: states.filter((s) => built(s.value)) };
}

function built(value: string | undefined): boolean {
  return value === 'y' || value === 'm';
}
