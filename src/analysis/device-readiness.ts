/**
 * Per-device readiness from findings: a device is `blocked` when a failing error-level finding
 * is about it or about the whole host (no IOMMU, no VFIO, no KVM block every device), `unknown`
 * when nothing blocks it but a check that decides it could not run, and `ready` only when the
 * checks that decide it passed on evidence. Rows are the targets (explicit, or the GPUs, NICs,
 * NVMe and USB controllers when the customer named none: see facts/targets.ts).
 */
import type { Finding } from '../engine/finding.js';
import type { PciFacts, TargetFacts } from '../facts/model.js';

export type Readiness = 'ready' | 'blocked' | 'unknown';

export interface DeviceReadiness {
  readonly address: string;
  readonly target: boolean;
  readonly why: readonly string[];
  readonly verdict: Readiness;
  /** Rule ids that block the device (device rules first, then host rules). */
  readonly blockers: readonly string[];
  /** Rule ids that could not decide. */
  readonly undecided: readonly string[];
  /** Rule ids of warnings about the device. */
  readonly warnings: readonly string[];
}

export function deviceReadiness(findings: readonly Finding[], pci: PciFacts | null, targets: TargetFacts | null): DeviceReadiness[] {
  const hostFails = findings.filter((f) => f.subject.kind === 'host' && f.status === 'fail' && f.severity === 'error');
  // Only checks that could block (error severity) keep a device from being ready when undecided.
  const hostUnknown = findings.filter((f) => f.subject.kind === 'host' && f.status === 'unknown' && f.severity === 'error');
  const byAddress = new Map((pci?.devices ?? []).map((d) => [d.address, d]));
  // Findings indexed by device once: a host with thousands of targets costs one pass, not one per target.
  const byDevice = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.subject.kind !== 'device') continue;
    const list = byDevice.get(f.subject.address);
    if (list) list.push(f);
    else byDevice.set(f.subject.address, [f]);
  }
  return (targets?.devices ?? []).map((t) => {
    const own = byDevice.get(t.address) ?? [];
    const blockers = [...own.filter((f) => f.status === 'fail' && f.severity === 'error'), ...hostFails].map((f) => f.ruleId);
    const undecided = [...own.filter((f) => f.status === 'unknown' && f.severity === 'error'), ...hostUnknown].map((f) => f.ruleId);
    const warnings = own.filter((f) => f.status === 'fail' && f.severity !== 'error').map((f) => f.ruleId);
    const decided = own.some((f) => f.status === 'pass');
    const verdict: Readiness =
      blockers.length > 0 ? 'blocked' : undecided.length > 0 || !byAddress.has(t.address) || !decided ? 'unknown' : 'ready';
    return {
      address: t.address,
      target: t.explicit,
      why: t.why,
      verdict,
      blockers: [...new Set(blockers)],
      undecided: [...new Set(undecided)],
      warnings: [...new Set(warnings)],
    };
  });
}
