/**
 * The engine's invariants, on facts built from real lab evidence: an unknown needed fact makes the
 * rule unknown; pass and fail need evidence, fail needs a fix; a throwing rule is isolated; a pass
 * on a fact whose evidence was not whole is refused unless the rule says why it stands.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { defineRule, type Rule } from '../../src/engine/define-rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import type { Facts } from '../../src/facts/facts.js';
import { sampleBundle, type Override } from '../helpers/bundle-from.js';

function factsOf(sample: string, overrides: Record<string, Override> = {}): Facts {
  return analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
}

const passOnLog = (despiteGaps?: string): Rule =>
  defineRule({
    id: 'test-pass-on-log',
    title: 'passes on the kernel log',
    severity: 'error',
    tags: [],
    needs: ['kernelLog'],
    messages: { ok: 'The log holds {{n}} lines.' },
    check: ({ kernelLog }, r) =>
      r.pass('ok', { n: kernelLog.value.lines.length }, kernelLog.evidence, despiteGaps === undefined ? {} : { despiteGaps }),
  });

describe('runRules', () => {
  const whole = factsOf('lab-intel-healthy');
  const dmesg = sampleBundle('lab-intel-healthy').files.get('commands/dmesg.out')!.bytes.toString('utf8');
  const cut = factsOf('lab-intel-healthy', { dmesg: { status: 'truncated', text: dmesg.slice(0, dmesg.length / 2) } });

  it('passes on a kernel log collected whole', () => {
    expect(whole.kernelLog.state === 'known' && whole.kernelLog.gaps).toEqual([]);
    const [f] = runRules([passOnLog()], whole);
    expect(f?.status).toBe('pass');
  });

  it('refuses a pass on a cut kernel log and says what to collect', () => {
    const [f] = runRules([passOnLog()], cut);
    expect(f?.status).toBe('unknown');
    expect(f?.messageId).toBe('(evidence incomplete)');
    expect(f?.message).toContain('is cut');
    expect(f?.collect).toContain('journalctl -k -b --no-pager');
  });

  it('keeps a pass on partial evidence when the rule says why', () => {
    const [f] = runRules([passOnLog('the count is what was kept')], cut);
    expect(f?.status).toBe('pass');
  });

  it('makes a rule unknown when a fact it needs is unknown', () => {
    const noLog = factsOf('lab-intel-healthy', {
      dmesg: { status: 'denied' },
      'journal-kernel': { status: 'denied' },
      'var-log-dmesg': null,
      'kern-log': null,
    });
    const [f] = runRules([passOnLog()], noLog);
    expect(f?.status).toBe('unknown');
    expect(f?.messageId).toBe('(evidence missing)');
  });

  it('turns a pass without evidence, a fail without a fix and a throw into internal unknowns, and runs the rest', () => {
    const bare = (id: string, check: Rule['check']): Rule => ({
      id,
      title: id,
      severity: 'error',
      tags: [],
      needs: ['kernelLog'],
      messages: { m: 'message' },
      check,
    });
    const findings = runRules(
      [
        bare('a-no-evidence', (_f, r) => r.pass('m', {}, [])),
        bare('b-no-fix', (_f, r) => r.fail('m', {}, [{ evidence: 'dmesg', source: 'dmesg', text: 'x' }], { summary: 's', steps: [] })),
        bare('c-throws', () => {
          throw new Error('boom');
        }),
        passOnLog(),
      ],
      whole,
    );
    expect(findings.map((f) => [f.ruleId, f.status, f.internal ?? false])).toEqual([
      ['a-no-evidence', 'unknown', true],
      ['b-no-fix', 'unknown', true],
      ['c-throws', 'unknown', true],
      ['test-pass-on-log', 'pass', false],
    ]);
  });
});
