/**
 * defineRule: an identity helper that types a rule's check against exactly the facts it declared
 * and its message ids against its messages (a wrong messageId is a compile error).
 */
import type { EvidenceRef } from '../facts/fact.js';
import type { Facts } from '../facts/facts.js';
import type { Fix } from '../fixes/fix.js';
import type { MessageData, Severity } from './finding.js';

export type FactKey = keyof Facts;
type KnownOf<F> = Extract<F, { readonly state: 'known' }>;
export type KnownFacts<K extends FactKey> = { readonly [P in K]: KnownOf<Facts[P]> };
export type OptionalFacts<K extends FactKey> = { readonly [P in K]: Facts[P] };

export interface OutcomeOptions {
  /** The device this outcome is about (PCI address); host when absent. */
  readonly device?: string;
  /** Other devices the finding names as part of what it found (the group members that block a target). */
  readonly related?: readonly string[];
}

export interface PassOptions extends OutcomeOptions {
  /**
   * Why this pass stands although a fact the rule read has gaps (its evidence was cut, denied or
   * not collected): e.g. "the lines that prove it are in the part of the log that was kept".
   * Without it, the engine turns a pass on partial evidence into unknown.
   */
  readonly despiteGaps?: string;
}

export interface FailOptions extends OutcomeOptions {
  readonly severity?: Severity;
  readonly severityReason?: string;
}

export type Outcome<M extends string = string> =
  | {
      readonly status: 'pass';
      readonly messageId: M;
      readonly data: MessageData;
      readonly evidence: readonly EvidenceRef[];
      readonly options: PassOptions;
    }
  | {
      readonly status: 'fail';
      readonly messageId: M;
      readonly data: MessageData;
      readonly evidence: readonly EvidenceRef[];
      readonly fix: Fix;
      readonly options: FailOptions;
    }
  | {
      readonly status: 'unknown';
      readonly messageId: M;
      readonly data: MessageData;
      readonly collect: readonly string[];
      readonly options: OutcomeOptions;
    }
  | { readonly status: 'skip'; readonly messageId: M; readonly data: MessageData; readonly options: OutcomeOptions };

export interface Outcomes<M extends string> {
  pass(messageId: M, data: MessageData, evidence: readonly EvidenceRef[], options?: PassOptions): Outcome<M>;
  fail(messageId: M, data: MessageData, evidence: readonly EvidenceRef[], fix: Fix, options?: FailOptions): Outcome<M>;
  unknown(messageId: M, data: MessageData, collect: readonly string[], options?: OutcomeOptions): Outcome<M>;
  skip(messageId: M, data: MessageData, options?: OutcomeOptions): Outcome<M>;
}

export const outcomes: Outcomes<string> = {
  pass: (messageId, data, evidence, options = {}) => ({ status: 'pass', messageId, data, evidence, options }),
  fail: (messageId, data, evidence, fix, options = {}) => ({ status: 'fail', messageId, data, evidence, fix, options }),
  unknown: (messageId, data, collect, options = {}) => ({ status: 'unknown', messageId, data, collect, options }),
  skip: (messageId, data, options = {}) => ({ status: 'skip', messageId, data, options }),
};

export interface RuleMeta {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly tags: readonly string[];
  /** Where the rule comes from (a guide FAQ, a kernel message, a field report). */
  readonly source?: string;
  readonly needs: readonly FactKey[];
  readonly optional?: readonly FactKey[];
  /** The hosts the rule is about: `cloudpods` rules are skipped on a host known not to be one, before their facts are asked for. */
  readonly appliesTo?: 'cloudpods';
  readonly messages: Readonly<Record<string, string>>;
}

export interface Rule extends RuleMeta {
  readonly check: (facts: Record<string, unknown>, r: Outcomes<string>) => Outcome | readonly Outcome[];
}

export function defineRule<const N extends readonly FactKey[], M extends string, const O extends readonly FactKey[] = readonly []>(rule: {
  id: string;
  title: string;
  severity: Severity;
  tags: readonly string[];
  source?: string;
  needs: N;
  optional?: O;
  appliesTo?: 'cloudpods';
  messages: Record<M, string>;
  check: (facts: KnownFacts<N[number]> & OptionalFacts<O[number]>, r: Outcomes<M>) => Outcome<M> | readonly Outcome<M>[];
}): Rule {
  return rule as unknown as Rule;
}
