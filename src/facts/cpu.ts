/**
 * CPU vendor and virtualization flags from the first processor block of /proc/cpuinfo. The vendor
 * comes from vendor_id, never from vmx/svm (a host with VT-x off still has an Intel IOMMU to
 * diagnose). Hygon (HygonGenuine) uses AMD's IOMMU driver and parameters, so it counts as amd.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseCpuinfo } from '../parsers/cpuinfo.js';
import { known, unknown, type Fact } from './fact.js';
import { refTo, unknownFrom } from './evidence-ref.js';
import type { CpuFacts, CpuVendor } from './model.js';

export function buildCpu(ev: EvidenceSource): Fact<CpuFacts> {
  const e = ev.one('cpuinfo');
  if (!hasText(e)) return unknownFrom(e);
  const info = parseCpuinfo(e.text);
  if (!info.vendorId || !info.flagsLine) return unknown('/proc/cpuinfo has no vendor_id or flags line', ['cat /proc/cpuinfo']);
  const vendor: CpuVendor =
    info.vendorId.value === 'GenuineIntel' ? 'intel' : ['AuthenticAMD', 'HygonGenuine'].includes(info.vendorId.value) ? 'amd' : 'other';
  const flagsRef = refTo(e, info.flagsLine);
  return known(
    {
      vendor,
      vendorId: info.vendorId.value,
      modelName: info.modelName?.value ?? null,
      virtFlag: info.virtualization ?? null,
      hypervisorFlag: info.hypervisor,
      hasPdpe1gb: info.flags.includes('pdpe1gb'),
      flagsRef,
    },
    [refTo(e, info.vendorId), flagsRef],
  );
}
