/**
 * Apply rules to facts. Invariants (tested in test/engine/run-rules.test.ts):
 * - a needed fact that is unknown makes the rule `unknown`, with the facts' collect hints merged;
 * - pass and fail carry evidence, fail carries a fix — otherwise the outcome becomes an internal error;
 * - a pass is refused (becomes `unknown`, saying what was incomplete and what to collect) when a fact
 *   the rule needs has gaps, unless the rule gave `despiteGaps`: absence of evidence is never a pass
 *   (an optional fact is context the rule weighs itself, and must not pass on its absence);
 * - a rule that throws becomes `unknown` with `internal: true`, and the other rules still run;
 * - findings are sorted by subject (host first, then device address), then rule id.
 */
import { gapsOf, type EvidenceGap, type Fact } from '../facts/fact.js';
import type { Facts } from '../facts/facts.js';
import { outcomes, type Outcome, type Rule } from './define-rule.js';
import { subjectKey, type Finding, type MessageData, type Subject } from './finding.js';
import { renderMessage } from './render-message.js';

export function runRules(rules: readonly Rule[], facts: Facts): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) findings.push(...runRule(rule, facts));
  return sortFindings(findings);
}

export function runRule(rule: Rule, facts: Facts): Finding[] {
  // A site rule (--rules) may name a fact that does not exist: an internal error of that rule only.
  const unknownKey = [...rule.needs, ...(rule.optional ?? [])].find((k) => !Object.prototype.hasOwnProperty.call(facts, k));
  if (unknownKey !== undefined) return [internal(rule, `it needs the fact "${String(unknownKey)}", which does not exist`)];
  if (rule.appliesTo === 'cloudpods' && facts.cloudpods.state === 'known' && !facts.cloudpods.value.detected)
    return [
      base(
        rule,
        { kind: 'host' },
        'skip',
        '(not a Cloudpods host)',
        {},
        'Not a Cloudpods host (no host.conf, host service log or VM started by it).',
        {},
      ),
    ];
  const missing = rule.needs.map((k) => facts[k]).filter((f) => f.state === 'unknown');
  if (missing.length > 0) {
    const reasons = missing.map((f) => (f.state === 'unknown' ? f.reason : ''));
    const collect = [...new Set(missing.flatMap((f) => (f.state === 'unknown' ? f.collect : [])))];
    return [
      base(
        rule,
        { kind: 'host' },
        'unknown',
        '(evidence missing)',
        { reason: reasons.join('; ') },
        `Cannot decide: ${reasons.join('; ')}`,
        { collect },
      ),
    ];
  }
  const input: Record<string, unknown> = {};
  for (const k of [...rule.needs, ...(rule.optional ?? [])]) input[k] = facts[k];
  let result: Outcome | readonly Outcome[];
  try {
    result = rule.check(input, outcomes);
  } catch (e) {
    return [internal(rule, `the rule failed: ${e instanceof Error ? e.message : String(e)}`)];
  }
  const list = Array.isArray(result) ? (result as readonly Outcome[]) : [result as Outcome];
  // The facts a rule needs decide its pass; an optional fact is context the rule weighs itself.
  const gaps = gapsOf(...rule.needs.map((k) => facts[k] as Fact<unknown>));
  return list.map((o) => toFinding(rule, o, gaps));
}

function toFinding(rule: Rule, o: Outcome, gaps: readonly EvidenceGap[]): Finding {
  const template = rule.messages[o.messageId];
  if (template === undefined) return internal(rule, `unknown messageId ${o.messageId}`);
  const subject: Subject = o.options.device ? { kind: 'device', address: o.options.device } : { kind: 'host' };
  const related = o.options.related && o.options.related.length > 0 ? { related: o.options.related } : {};
  const message = renderMessage(template, o.data);
  switch (o.status) {
    case 'pass':
      if (o.evidence.length === 0) return internal(rule, 'pass without evidence');
      if (gaps.length > 0 && o.options.despiteGaps === undefined) return incomplete(rule, subject, message, o.evidence, gaps);
      return base(rule, subject, 'pass', o.messageId, o.data, message, { evidence: o.evidence, ...related });
    case 'fail':
      if (o.evidence.length === 0) return internal(rule, 'fail without evidence');
      if (o.fix.steps.length === 0) return internal(rule, 'fail without a fix');
      return base(rule, subject, 'fail', o.messageId, o.data, message, {
        ...related,
        evidence: o.evidence,
        fix: o.fix,
        ...(o.options.severity ? { severity: o.options.severity } : {}),
        ...(o.options.severityReason ? { severityReason: o.options.severityReason } : {}),
      });
    case 'unknown':
      return base(rule, subject, 'unknown', o.messageId, o.data, message, { collect: o.collect, ...related });
    case 'skip':
      return base(rule, subject, 'skip', o.messageId, o.data, message, {});
    default: {
      const never: never = o;
      return never;
    }
  }
}

function base(
  rule: Rule,
  subject: Subject,
  status: Finding['status'],
  messageId: string,
  data: MessageData,
  message: string,
  extra: Partial<Finding>,
): Finding {
  return { ruleId: rule.id, title: rule.title, status, severity: rule.severity, subject, messageId, data, message, evidence: [], ...extra };
}

/** A pass the evidence could not carry: what the rule saw, what was missing, what to collect. */
function incomplete(rule: Rule, subject: Subject, message: string, evidence: Finding['evidence'], gaps: readonly EvidenceGap[]): Finding {
  const missing = gaps.map((g) => `${g.source} ${g.why}`).join('; ');
  return base(
    rule,
    subject,
    'unknown',
    '(evidence incomplete)',
    { missing },
    `Not confirmed: ${message.replace(/\.$/, '')} — but ${missing}, so what is missing could change the answer.`,
    { evidence, collect: [...new Set(gaps.flatMap((g) => g.collect))] },
  );
}

function internal(rule: Rule, why: string): Finding {
  return base(rule, { kind: 'host' }, 'unknown', '(internal)', {}, `Internal error in rule ${rule.id}: ${why}`, {
    internal: true,
    collect: [],
  });
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => {
    const sa = subjectKey(a.subject);
    const sb = subjectKey(b.subject);
    if (sa !== sb) return sa < sb ? -1 : 1;
    return a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0;
  });
}
