/**
 * Every sample's findings are exactly its documented problems (samples/<name>/expected.json:
 * sorted `rule-id:fail@subject` lines), with no internal error; the sample's lab expectations hold;
 * a derived sample is analyzed with its derive.json `devices` as --device targets;
 * and a committed samples/<name>.tgz is byte-identical to packing its evidence tree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../src/analyze.js';
import { builtinRules } from '../rules/index.js';
// @ts-expect-error plain .mjs script carries no types
import { packTree } from '../scripts/pack-tree.mjs';
import { sampleDevices } from '../scripts/sample-overrides.mjs';
import { ROOT, sampleBundle } from './helpers/bundle-from.js';
import { expectationProblems } from './lab/expectations.js';

const samplesDir = join(ROOT, 'samples');
const samples = readdirSync(samplesDir).filter((n) => existsSync(join(samplesDir, n, 'evidence')));

function failLines(name: string): string[] {
  const analysis = analyzeBundle(sampleBundle(name), { rules: builtinRules, devices: sampleDevices(join(samplesDir, name)) });
  expect(analysis.findings.filter((f) => f.internal)).toEqual([]);
  return analysis.findings
    .filter((f) => f.status === 'fail')
    .map((f) => `${f.ruleId}:fail@${f.subject.kind === 'host' ? 'host' : f.subject.address}`)
    .sort();
}

describe('samples', () => {
  for (const name of samples) {
    describe(name, () => {
      it('finds exactly the documented problems', () => {
        const expected = JSON.parse(readFileSync(join(samplesDir, name, 'expected.json'), 'utf8')) as string[];
        expect(failLines(name)).toEqual(expected);
      });
      const scenario = join(ROOT, 'test', 'lab', 'scenarios', `${name.replace(/^lab-/, '')}.json`);
      if (name.startsWith('lab-') && existsSync(scenario))
        it('meets its lab scenario expectations', () => {
          const s = JSON.parse(readFileSync(scenario, 'utf8')) as { expect: { must: string[]; mustNot: string[] } };
          const analysis = analyzeBundle(sampleBundle(name), { rules: builtinRules });
          expect(expectationProblems(analysis.findings, s.expect, new Set(builtinRules.map((r) => r.id)))).toEqual([]);
        });
      if (existsSync(join(samplesDir, `${name}.tgz`)))
        it('has a .tgz packed from its tree', async () => {
          const packed = (await packTree(join(samplesDir, name, 'evidence'), `ptdoctor-${name}`)) as Buffer;
          expect(packed.equals(readFileSync(join(samplesDir, `${name}.tgz`)))).toBe(true);
        });
    });
  }
});
