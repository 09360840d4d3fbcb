/**
 * Exit status of a finished analysis: 1 when a failing finding reaches --fail-on, else 0
 * (2 — could not analyze — is decided in main.ts from the error type).
 */
import type { Finding, Severity } from '../engine/finding.js';
import { severityRank } from '../engine/finding.js';

export const FAIL_ON = { error: true, warning: true, info: true, never: true } as const satisfies Record<string, true>;
export type FailOn = keyof typeof FAIL_ON;

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): 0 | 1 {
  if (failOn === 'never') return 0;
  const floor = severityRank(failOn as Severity);
  return findings.some((f) => f.status === 'fail' && severityRank(f.severity) >= floor) ? 1 : 0;
}
