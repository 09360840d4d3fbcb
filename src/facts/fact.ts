/**
 * Tri-state facts: a fact is known (with the evidence lines that prove it) or unknown (with why,
 * and what to collect to decide it). Rules see only facts; a check passes only on evidence.
 */
export interface EvidenceRef {
  /** Logical evidence id ('cmdline', 'dmesg', …) or bundle path for multi-file evidence. */
  readonly evidence: string;
  /** What the user recognises: '/proc/cmdline', 'lspci -nnk', '/etc/default/grub'. */
  readonly source: string;
  /** 1-based line in that output. */
  readonly line?: number;
  /** Verbatim text, capped. */
  readonly text: string;
}

export interface KnownFact<T> {
  readonly state: 'known';
  readonly value: T;
  readonly evidence: readonly EvidenceRef[];
}

export interface UnknownFact {
  readonly state: 'unknown';
  readonly reason: string;
  readonly collect: readonly string[];
}

export type Fact<T> = KnownFact<T> | UnknownFact;

const MAX_REF_TEXT = 500;

export function known<T>(value: T, evidence: readonly EvidenceRef[] = []): KnownFact<T> {
  return { state: 'known', value, evidence };
}

export function unknown(reason: string, collect: readonly string[]): UnknownFact {
  return { state: 'unknown', reason, collect };
}

export function ref(evidence: string, source: string, text: string, line?: number): EvidenceRef {
  const capped = text.length > MAX_REF_TEXT ? `${text.slice(0, MAX_REF_TEXT)}…` : text;
  return line === undefined ? { evidence, source, text: capped } : { evidence, source, line, text: capped };
}
