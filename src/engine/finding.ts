/**
 * What a rule found, as it reaches reports, JSON output and tests. Status says what the check
 * found; severity says how much a failure matters. `skip` means the rule does not apply here.
 */
import type { EvidenceRef } from '../facts/fact.js';
import type { Fix } from '../fixes/fix.js';

export const STATUSES = ['fail', 'unknown', 'pass', 'skip'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type Subject = { readonly kind: 'host' } | { readonly kind: 'device'; readonly address: string };

export type MessageData = Readonly<Record<string, string | number>>;

export interface Finding {
  readonly ruleId: string;
  readonly title: string;
  readonly status: Status;
  readonly severity: Severity;
  /** Why the severity differs from the rule's default, when it does. */
  readonly severityReason?: string;
  readonly subject: Subject;
  /** Other devices the finding names as part of what it found (PCI addresses). */
  readonly related?: readonly string[];
  readonly messageId: string;
  readonly data: MessageData;
  /** messages[messageId] with data filled in, as plain text. */
  readonly message: string;
  readonly evidence: readonly EvidenceRef[];
  readonly fix?: Fix;
  readonly collect?: readonly string[];
  readonly internal?: true;
}

export function severityRank(s: Severity): number {
  return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}

export function subjectKey(s: Subject): string {
  return s.kind === 'host' ? '' : s.address;
}
