/**
 * ruleTester: run one rule through the real parsers, facts and engine on real evidence, and check
 * what it returns. Cases assert ids, statuses, evidence locations and fix step kinds — never prose.
 * It fails when a message id of the rule is exercised by no case.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Rule } from '../../src/engine/define-rule.js';
import type { Finding, Status } from '../../src/engine/finding.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../../src/bundle/bundle.js';
import { buildLooseBundle } from '../../src/loose/loose-bundle.js';
import { ROOT, sampleBundle, type Override } from './bundle-from.js';

export interface RuleCase {
  readonly name: string;
  /** A samples/<name> directory (real lab evidence) the case starts from… */
  readonly sample?: string;
  /** …or a real case's pasted files (test/real-cases/cases/<id>/<file>), read as loose evidence. */
  readonly loose?: readonly string[];
  readonly evidence?: Record<string, Override>;
  readonly devices?: readonly string[];
  readonly expect: {
    readonly messageId?: string;
    /** Subject of the expected finding: 'host' or a PCI address. */
    readonly subject: string;
    /** Evidence sources the finding must cite (substring match on `source` or `source:line`). */
    readonly evidence?: readonly string[];
    readonly fixKinds?: readonly string[];
    /** Substrings that must appear in some fix command (host-specific fix rendering). */
    readonly commands?: readonly string[];
    readonly collect?: readonly string[];
    readonly severity?: string;
  };
}

function caseBundle(c: RuleCase): Bundle {
  if (c.loose) {
    const texts = c.loose.map((f) => ({ name: f, text: readFileSync(join(ROOT, 'test', 'real-cases', 'cases', f), 'utf8') }));
    return buildLooseBundle(texts, c.name).bundle;
  }
  if (c.sample === undefined) throw new Error(`case ${c.name}: give a sample or loose files`);
  return sampleBundle(c.sample, c.evidence);
}

export function runRuleCase(rule: Rule, c: RuleCase): Finding[] {
  const analysis = analyzeBundle(caseBundle(c), { rules: [rule], devices: c.devices ?? [] });
  return analysis.findings.filter((f) => f.ruleId === rule.id);
}

function matching(findings: readonly Finding[], status: Status, c: RuleCase): Finding[] {
  const subject = c.expect.subject;
  return findings.filter(
    (f) =>
      f.status === status &&
      (subject === 'host' ? f.subject.kind === 'host' : f.subject.kind === 'device' && f.subject.address === subject) &&
      (c.expect.messageId === undefined || f.messageId === c.expect.messageId),
  );
}

export function ruleTester(rule: Rule, cases: { pass: RuleCase[]; fail: RuleCase[]; unknown: RuleCase[]; skip?: RuleCase[] }): void {
  const groups: [Status, RuleCase[]][] = [
    ['pass', cases.pass],
    ['fail', cases.fail],
    ['unknown', cases.unknown],
    ['skip', cases.skip ?? []],
  ];
  describe(rule.id, () => {
    for (const [status, list] of groups) {
      for (const c of list) {
        it(`${status}: ${c.name}`, () => {
          const findings = runRuleCase(rule, c);
          expect(
            findings.filter((f) => f.internal),
            'no internal errors',
          ).toEqual([]);
          const hits = matching(findings, status, c);
          expect(
            hits.length,
            `expected a ${status} finding for ${c.expect.subject}${c.expect.messageId ? ` (${c.expect.messageId})` : ''}; got ${JSON.stringify(findings.map((f) => [f.status, f.messageId, f.subject]))}`,
          ).toBeGreaterThan(0);
          const f = hits[0];
          if (!f) return;
          if (status === 'fail')
            expect(
              findings.some(
                (x) =>
                  x.status === 'pass' &&
                  x.subject.kind === f.subject.kind &&
                  (x.subject.kind === 'host' || (f.subject.kind === 'device' && x.subject.address === f.subject.address)),
              ),
              'fail and pass on one subject',
            ).toBe(false);
          for (const src of c.expect.evidence ?? [])
            expect(
              f.evidence.some((e) => `${e.source}:${e.line ?? ''}`.includes(src)),
              `cites ${src}: ${JSON.stringify(f.evidence)}`,
            ).toBe(true);
          if (c.expect.fixKinds)
            expect(
              f.fix?.steps.map((s) => s.kind),
              `fix kinds ${JSON.stringify(f.fix?.steps.map((s) => s.kind))}`,
            ).toEqual(c.expect.fixKinds);
          for (const cmd of c.expect.commands ?? [])
            expect(
              f.fix?.steps.some(
                (s) =>
                  ('command' in s && s.command.includes(cmd)) ||
                  ('change' in s && s.change.includes(cmd)) ||
                  ('setting' in s && s.setting.includes(cmd)) ||
                  ('text' in s && s.text.includes(cmd)),
              ),
              `fix mentions ${cmd}: ${JSON.stringify(f.fix)}`,
            ).toBe(true);
          for (const col of c.expect.collect ?? [])
            expect(
              (f.collect ?? []).some((x) => x.includes(col)),
              `collect ${col}: ${JSON.stringify(f.collect)}`,
            ).toBe(true);
          if (c.expect.severity) expect(f.severity).toBe(c.expect.severity);
        });
      }
    }
    // Runs every case itself, so it holds when run alone (`-t`) and in any order.
    it('every message id is exercised by a case', () => {
      const seen = new Set<string>();
      for (const [status, list] of groups)
        for (const c of list) for (const f of matching(runRuleCase(rule, c), status, c)) seen.add(f.messageId);
      expect(Object.keys(rule.messages).filter((id) => !seen.has(id))).toEqual([]);
    });
  });
}
