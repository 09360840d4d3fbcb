/**
 * The running kernel's build configuration (the IOMMU/VFIO/KVM lines of /boot/config-<release>, and
 * on arm64 the SMMU, GIC ITS and PCIe AER lines), as option → value ('y', 'm', 'n' for "is not set",
 * or a string).
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseKernelConfig } from '../parsers/kernel-config.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { refTo, unknownFrom } from './evidence-ref.js';

export type KernelConfigFacts = Readonly<Record<string, { readonly value: string; readonly ref: EvidenceRef }>>;

export function buildKernelConfig(ev: EvidenceSource): Fact<KernelConfigFacts> {
  const e = ev.one('kernel-config');
  if (!hasText(e)) return unknownFrom(e);
  const cfg = parseKernelConfig(e.text);
  const names = Object.keys(cfg.options);
  if (names.length === 0)
    return unknown('the kernel configuration holds no IOMMU/VFIO lines', ['grep -E "IOMMU|VFIO" /boot/config-$(uname -r)']);
  // Option names come from the bundle: built as own entries, so `__proto__` stays a plain key.
  const value: KernelConfigFacts = Object.fromEntries(
    names.map((n) => {
      const o = cfg.options[n] as { value: string; line: number; text: string };
      return [n, { value: o.value, ref: refTo(e, o) }];
    }),
  );
  return known(value, cfg.source ? [refTo(e, cfg.source)] : []);
}

/**
 * The arm64 IOMMU driver of this build: CONFIG_ARM_SMMU_V3 (drivers/iommu/arm/arm-smmu-v3/Kconfig,
 * the SMMU of Neoverse-based servers: Ampere Altra, NVIDIA Grace, Kunpeng 920) or CONFIG_ARM_SMMU
 * (SMMUv1/v2, MMU-500). Both count when built in or as a module; the state of the v3 option is
 * returned when neither is (test/fixtures/lab-arm64/healthy-acpi-6.1: both built in).
 */
export function armIommuOption(cfg: KernelConfigFacts): { name: string; value: string; ref: EvidenceRef | null } {
  const names = ['CONFIG_ARM_SMMU_V3', 'CONFIG_ARM_SMMU'];
  const built = names.find((n) => cfg[n]?.value === 'y' || cfg[n]?.value === 'm');
  const name = built ?? names[0]!;
  const o = cfg[name];
  return built
    ? { name, value: o?.value ?? 'n', ref: o?.ref ?? null }
    : { name: 'CONFIG_ARM_SMMU_V3 or CONFIG_ARM_SMMU', value: 'n', ref: o?.ref ?? null };
}
