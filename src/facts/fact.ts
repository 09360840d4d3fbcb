/**
 * Tri-state facts: a fact is known (with the evidence lines that prove it) or unknown (with why,
 * and what to collect to decide it). Rules see only facts; a check passes only on evidence.
 *
 * A known fact also says how whole its evidence was: `gaps` lists what was cut, denied or not
 * collected among the inputs that could have changed its value. The engine refuses a `pass` from
 * a rule that read a fact with gaps, unless the rule says why the gap cannot change its answer.
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

/** An input of a fact that was not collected whole. */
export interface EvidenceGap {
  /** What the user recognises: '/proc/modules', 'the kernel log', 'lspci -nnk'. */
  readonly source: string;
  /** Why it is not whole, in words: 'cut at 16 MiB', 'not collected', 'permission denied'. */
  readonly why: string;
  /** What to run to get it whole. */
  readonly collect: readonly string[];
  /** Lines of it that could not be read (the first few), when that is the gap. */
  readonly lines?: readonly EvidenceRef[];
}

export interface KnownFact<T> {
  readonly state: 'known';
  readonly value: T;
  readonly evidence: readonly EvidenceRef[];
  /** Empty when every input was collected whole. */
  readonly gaps: readonly EvidenceGap[];
}

export interface UnknownFact {
  readonly state: 'unknown';
  readonly reason: string;
  readonly collect: readonly string[];
}

export type Fact<T> = KnownFact<T> | UnknownFact;

const MAX_REF_TEXT = 500;

export function known<T>(value: T, evidence: readonly EvidenceRef[] = [], gaps: readonly EvidenceGap[] = []): KnownFact<T> {
  return { state: 'known', value, evidence, gaps };
}

/** The gaps of several facts, once each (by source and reason). */
export function gapsOf(...facts: readonly Fact<unknown>[]): EvidenceGap[] {
  const seen = new Map<string, EvidenceGap>();
  for (const f of facts) if (f.state === 'known') for (const g of f.gaps) seen.set(`${g.source}\u0000${g.why}`, g);
  return [...seen.values()];
}

export function unknown(reason: string, collect: readonly string[]): UnknownFact {
  return { state: 'unknown', reason, collect };
}

export function ref(evidence: string, source: string, text: string, line?: number): EvidenceRef {
  const capped = text.length > MAX_REF_TEXT ? `${text.slice(0, MAX_REF_TEXT)}…` : text;
  return line === undefined ? { evidence, source, text: capped } : { evidence, source, line, text: capped };
}

/** Gaps in words, for a message: "/proc/modules is cut (…); ls /sys/module was not collected". */
export function describeGaps(gaps: readonly EvidenceGap[]): string {
  return gaps.map((g) => `${g.source} ${g.why}`).join('; ');
}

/** What to collect to close the gaps, once each. */
export function collectFor(gaps: readonly EvidenceGap[]): string[] {
  return [...new Set(gaps.flatMap((g) => g.collect))];
}
