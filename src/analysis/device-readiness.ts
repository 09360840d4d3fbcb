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

/** Classes worth a row when no target is named: display (03), network (02), NVMe (0108), USB (0c03). */
export function isInterestingClass(classCode: string): boolean {
  return classCode.startsWith('03') || classCode.startsWith('02') || classCode.startsWith('0108') || classCode.startsWith('0c03');
}

export function deviceReadiness(findings: readonly Finding[], pci: PciFacts | null, targets: TargetFacts | null): DeviceReadiness[] {
  const hostFails = findings.filter((f) => f.subject.kind === 'host' && f.status === 'fail' && f.severity === 'error');
  const hostUnknown = findings.filter((f) => f.subject.kind === 'host' && f.status === 'unknown');
  const byAddress = new Map((pci?.devices ?? []).map((d) => [d.address, d]));
  return (targets?.devices ?? []).map((t) => {
    const own = findings.filter((f) => f.subject.kind === 'device' && f.subject.address === t.address);
    const blockers = [...own.filter((f) => f.status === 'fail' && f.severity === 'error'), ...hostFails].map((f) => f.ruleId);
    const undecided = [...own.filter((f) => f.status === 'unknown'), ...hostUnknown].map((f) => f.ruleId);
    const warnings = own.filter((f) => f.status === 'fail' && f.severity !== 'error').map((f) => f.ruleId);
    const verdict: Readiness =
      blockers.length > 0 ? 'blocked' : undecided.length > 0 || !byAddress.has(t.address) ? 'unknown' : 'ready';
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
