/**
 * Every sample is held to expectations written by hand from its evidence (samples/<name>/expected.json:
 * `{ rule, subject, status, why }` lines): the failing findings are exactly the listed fails, each
 * listed unknown is an unknown finding, and no rule hits an internal error. Each `why` cites evidence
 * files of the sample that exist, at line numbers they have. A derived sample is analyzed with its
 * derive.json `devices` as --device targets; a lab sample also meets its scenario's must/mustNot; a
 * committed samples/<name>.tgz is byte-identical to packing its evidence tree.
 * scripts/write-expected.mjs runs the same comparison on the shipped build and prints the differences.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../src/analyze.js';
import type { Finding } from '../src/engine/finding.js';
import { builtinRules } from '../rules/index.js';
// @ts-expect-error plain .mjs script carries no types
import { packTree } from '../scripts/pack-tree.mjs';
import { sampleDevices } from '../scripts/sample-overrides.mjs';
// @ts-expect-error plain .mjs script carries no types
import * as comparison from '../scripts/write-expected.mjs';
import { ROOT, sampleBundle } from './helpers/bundle-from.js';
import { expectationProblems } from './lab/expectations.js';

interface Expectation {
  readonly rule: string;
  readonly subject: string;
  readonly status: 'fail' | 'unknown';
  readonly why: string;
}
interface Difference {
  readonly kind: 'missing fail' | 'unexpected fail' | 'not unknown';
  readonly key: string;
  readonly analyzer: string;
  readonly why: string;
}
const { expectationDifferences, expectationFormatProblems, formatDifference } = comparison as {
  expectationDifferences(expected: readonly Expectation[], findings: readonly Finding[]): Difference[];
  expectationFormatProblems(expected: unknown): string[];
  formatDifference(d: Difference): string;
};

const samplesDir = join(ROOT, 'samples');
const samples = readdirSync(samplesDir).filter((n) => existsSync(join(samplesDir, n, 'evidence')));
const ruleIds = new Set(builtinRules.map((r) => r.id));

/** Evidence paths a `why` cites (`commands/dmesg.out:412`, `proc/cmdline:1`, `manifest.json`), with their lines. */
const CITED = /(?<![\w./-])((?:proc|etc|boot|commands|var|opt)\/[^\s:,;()]+|manifest\.json)(?::(\d+)(?:-(\d+))?)?/g;

function citationProblems(name: string, e: Expectation): string[] {
  const cited = [...e.why.matchAll(CITED)];
  if (cited.length === 0 && !e.why.includes('--device')) return [`${e.rule}@${e.subject}: the why cites no evidence file`];
  return cited.flatMap((m) => {
    const file = join(samplesDir, name, 'evidence', m[1]!);
    if (!existsSync(file)) return [`${e.rule}@${e.subject}: ${m[1]} is not in the evidence`];
    const last = Number(m[3] ?? m[2] ?? 0);
    const lines = readFileSync(file, 'utf8').split('\n').length;
    return last > lines ? [`${e.rule}@${e.subject}: ${m[1]} has no line ${last}`] : [];
  });
}

function readExpected(name: string): readonly Expectation[] {
  const expected: unknown = JSON.parse(readFileSync(join(samplesDir, name, 'expected.json'), 'utf8'));
  expect(expectationFormatProblems(expected)).toEqual([]);
  return expected as readonly Expectation[];
}

describe('samples', () => {
  for (const name of samples) {
    describe(name, () => {
      it('has hand-written expectations that name catalog rules and cite its evidence', () => {
        const expected = readExpected(name);
        expect(expected.filter((e) => !ruleIds.has(e.rule)).map((e) => e.rule)).toEqual([]);
        expect(expected.flatMap((e) => citationProblems(name, e))).toEqual([]);
      });
      it('fails exactly the expected checks and leaves the expected ones unknown', () => {
        const expected = readExpected(name);
        const analysis = analyzeBundle(sampleBundle(name), { rules: builtinRules, devices: sampleDevices(join(samplesDir, name)) });
        expect(analysis.findings.filter((f) => f.internal).map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
        // Each line names the mismatch, what the analyzer found, and the expectation's why (or the
        // analyzer's message for a fail nobody expected).
        expect(expectationDifferences(expected, analysis.findings).map(formatDifference)).toEqual([]);
      });
      const scenario = join(ROOT, 'test', 'lab', 'scenarios', `${name.replace(/^lab-/, '')}.json`);
      if (name.startsWith('lab-') && existsSync(scenario))
        it('meets its lab scenario expectations', () => {
          const s = JSON.parse(readFileSync(scenario, 'utf8')) as { expect: { must: string[]; mustNot: string[] } };
          const analysis = analyzeBundle(sampleBundle(name), { rules: builtinRules });
          expect(expectationProblems(analysis.findings, s.expect, ruleIds)).toEqual([]);
        });
      if (existsSync(join(samplesDir, `${name}.tgz`)))
        it('has a .tgz packed from its tree', async () => {
          const packed = (await packTree(join(samplesDir, name, 'evidence'), `ptdoctor-${name}`)) as Buffer;
          expect(packed.equals(readFileSync(join(samplesDir, `${name}.tgz`)))).toBe(true);
        });
    });
  }
});

describe('the expectation comparison', () => {
  const finding = (ruleId: string, status: Finding['status'], address?: string): Finding => ({
    ruleId,
    title: ruleId,
    status,
    severity: 'error',
    subject: address === undefined ? { kind: 'host' } : { kind: 'device', address },
    messageId: 'm',
    data: {},
    message: `${ruleId} message`,
    evidence: [],
  });
  const fail = (rule: string, subject = 'host'): Expectation => ({ rule, subject, status: 'fail', why: `why ${rule}` });

  it('reports a missing fail, an unexpected fail and a listed unknown that is not unknown, each with its why', () => {
    const expected = [fail('a'), fail('b', '0000:01:00.0'), { rule: 'c', subject: 'host', status: 'unknown' as const, why: 'why c' }];
    const findings = [
      finding('a', 'fail'),
      finding('b', 'pass', '0000:01:00.0'),
      finding('d', 'fail', '0000:02:00.0'),
      finding('c', 'pass'),
    ];
    expect(expectationDifferences(expected, findings).map(formatDifference)).toEqual([
      'missing fail: b@0000:01:00.0 (analyzer: pass) — why b',
      'unexpected fail: d@0000:02:00.0 (analyzer: fail) — d message',
      'not unknown: c@host (analyzer: pass) — why c',
    ]);
  });

  it('matches a fail on its subject, not only its rule', () => {
    expect(expectationDifferences([fail('a', '0000:01:00.0')], [finding('a', 'fail', '0000:02:00.0')]).map((d) => d.kind)).toEqual([
      'missing fail',
      'unexpected fail',
    ]);
  });

  it('accepts unknowns the file does not list, and several fails of one rule and subject as one', () => {
    expect(expectationDifferences([fail('a')], [finding('a', 'fail'), finding('a', 'fail'), finding('e', 'unknown')])).toEqual([]);
  });

  it('refuses a malformed or repeated line', () => {
    expect(expectationFormatProblems({})).toEqual(['expected.json is not a JSON array']);
    expect(
      expectationFormatProblems([
        { rule: 'a', subject: '01:00.0', status: 'pass', why: '' },
        { rule: 'b', subject: 'host', status: 'fail', why: 'x', note: 1 },
        fail('b'),
      ]),
    ).toEqual([
      'entry 1 subject must be "host" or a PCI address with domain',
      'entry 1 status must be "fail" or "unknown"',
      'entry 1 has no why',
      'entry 2 has unknown key(s) note',
      'entry 3 lists b@host a second time',
    ]);
  });
});
