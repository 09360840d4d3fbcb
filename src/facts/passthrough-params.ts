/**
 * Kernel parameters that matter for device passthrough, and how two copies of a command line are
 * compared on them. Keys are the normalised keys of KernelParam (`vfio-pci.ids` → `vfio_pci.ids`).
 * Sources: Documentation/admin-guide/kernel-parameters.txt (intel_iommu, amd_iommu, iommu,
 * hugepages, default_hugepagesz, hugepagesz, initcall_blacklist, video, modprobe.blacklist,
 * <module>.<param>), dracut.cmdline(7) (rd.driver.pre, rd.driver.blacklist), the passthrough
 * guide's sample command line (rdblacklist, nouveau.modeset) and the ACS override patch
 * (pcie_acs_override).
 */
import type { KernelParam } from './model.js';

const EXACT = new Set([
  'intel_iommu',
  'amd_iommu',
  'iommu',
  'vfio_pci.ids',
  'rd.driver.pre',
  'rd.driver.blacklist',
  'rdblacklist',
  'modprobe.blacklist',
  'initcall_blacklist',
  'default_hugepagesz',
  'hugepagesz',
  'hugepages',
  'pcie_acs_override',
  'nouveau.modeset',
]);

export function isPassthroughParam(p: KernelParam): boolean {
  if (EXACT.has(p.key)) return true;
  if (p.key.startsWith('vfio_iommu_type1.') || p.key.startsWith('vfio_pci.')) return true;
  if (p.key.endsWith('.blacklist')) return true;
  // video= also sets modes; only the framebuffer switch-offs (video=efifb:off, vesafb:off) are ours.
  return p.key === 'video' && p.value !== null && /^(?:efifb|vesafb|simplefb):off$/.test(p.value);
}

function passthroughParams(params: readonly KernelParam[]): KernelParam[] {
  return params.filter(isPassthroughParam);
}

function has(params: readonly KernelParam[], p: KernelParam): boolean {
  return params.some((q) => q.key === p.key && q.value === p.value);
}

/** Passthrough parameters of `wanted` that `have` does not carry with the same value. */
export function missingPassthrough(wanted: readonly KernelParam[], have: readonly KernelParam[]): KernelParam[] {
  const seen = new Set<string>();
  return passthroughParams(wanted).filter((p) => {
    if (has(have, p) || seen.has(p.raw)) return false;
    seen.add(p.raw);
    return true;
  });
}
