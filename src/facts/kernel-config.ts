/**
 * The running kernel's build configuration (the IOMMU/VFIO/KVM lines of /boot/config-<release>),
 * as option → value ('y', 'm', 'n' for "is not set", or a string).
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
