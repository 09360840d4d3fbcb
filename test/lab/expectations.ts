/**
 * A lab scenario's expectations checked on the analyzer's findings: every `must` rule fails, no
 * `mustNot` rule fails, and no rule hit an internal error.
 */
import type { Finding } from '../../src/engine/finding.js';

export interface Expect {
  readonly must: readonly string[];
  readonly mustNot: readonly string[];
}

export function expectationProblems(findings: readonly Finding[], expect: Expect, known: ReadonlySet<string>): string[] {
  const failing = new Set(findings.filter((f) => f.status === 'fail').map((f) => f.ruleId));
  const problems: string[] = [];
  for (const id of [...expect.must, ...expect.mustNot]) if (!known.has(id)) problems.push(`${id} is not a rule of the catalog`);
  for (const id of expect.must) if (!failing.has(id)) problems.push(`${id} must fail but did not`);
  for (const id of expect.mustNot) if (failing.has(id)) problems.push(`${id} must not fail but did`);
  for (const f of findings.filter((x) => x.internal)) problems.push(`internal error in ${f.ruleId}: ${f.message}`);
  return problems;
}
