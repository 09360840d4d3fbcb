/**
 * A fix as the report prints it: put into a failing finding of its rule, built into the plan for a
 * host, and every script a person would run from it (the fix's own commands, the plan script, the
 * verify script) required to parse under dash and bash (`sh -n`).
 */
import { expect } from 'vitest';
import type { Finding } from '../../../src/engine/finding.js';
import type { HostProfile } from '../../../src/facts/host-profile.js';
import type { Fix, FixStep } from '../../../src/fixes/fix.js';
import { buildFixPlan } from '../../../src/report/fix-plan.js';
import { describeStep } from '../../../src/report/fix-step-text.js';
import { parses } from './run-shell.js';

/** The commands of these steps, as the report prints them. */
export const commands = (fix: Fix | readonly FixStep[]): string[] =>
  ('steps' in fix ? fix.steps : fix).flatMap((s) => describeStep(s).command ?? []);

/** A failing host finding of this rule that carries the fix (the only part of a finding the plan reads besides its id and severity). */
export const failingWith = (ruleId: string, fix: Fix, severity: Finding['severity'] = 'error'): Finding =>
  ({
    ruleId,
    status: 'fail',
    severity,
    subject: { kind: 'host' },
    messageId: 'm',
    data: {},
    message: '',
    evidence: [],
    fix,
  }) as unknown as Finding;

export function planOf(ruleId: string, fix: Fix, host: HostProfile | null): ReturnType<typeof buildFixPlan> {
  const plan = buildFixPlan([failingWith(ruleId, fix)], host);
  for (const script of [commands(fix).join('\n'), plan.script, plan.verifyScript])
    for (const shell of ['dash', 'bash'] as const) expect(parses(shell, script), `${shell} -n\n${script}`).toMatchObject({ ok: true });
  return plan;
}
