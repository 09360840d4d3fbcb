/**
 * The real-kernel lab in the test suite: boot every scenario's Debian kernel under QEMU, run the
 * shell collector inside, analyze the bundle it brings back, and check the scenario's expected
 * findings. Runs where qemu-system-x86_64 is installed (CI installs it); PTDOCTOR_LAB=0 skips it.
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { readBundleFile } from '../../src/bundle/read-bundle.js';
import { builtinRules } from '../../rules/index.js';
import { expectationProblems } from './expectations.js';
// @ts-expect-error plain .mjs lab scripts carry no types
import { listScenarios, loadScenario } from './lib/scenario.mjs';
// @ts-expect-error plain .mjs lab scripts carry no types
import { runScenario } from './run-scenario.mjs';

const hasQemu = process.env.PTDOCTOR_LAB !== '0' && spawnSync('qemu-system-x86_64', ['--version']).status === 0;
const names = listScenarios() as string[];
const jobs = Math.max(1, Number(process.env.LAB_JOBS ?? 2));

describe.skipIf(!hasQemu)('real-kernel lab', () => {
  const bundles = new Map<string, string | Error>();
  beforeAll(async () => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < names.length) {
        const name = names[next++] as string;
        try {
          const r = (await runScenario(name, {})) as { bundle: string | null };
          bundles.set(name, r.bundle ?? new Error('the collector wrote no bundle'));
        } catch (e) {
          bundles.set(name, e as Error);
        }
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
  }, 30 * 60_000);

  for (const name of names) {
    it(`${name}: boots, collects, and analyzes to the expected findings`, async () => {
      const bundle = bundles.get(name);
      if (bundle instanceof Error || bundle === undefined) throw bundle ?? new Error('not run');
      const analysis = analyzeBundle(await readBundleFile(bundle), { rules: builtinRules });
      const scenario = loadScenario(name) as { expect: { must: string[]; mustNot: string[] } };
      expect(expectationProblems(analysis.findings, scenario.expect, new Set(builtinRules.map((r) => r.id)))).toEqual([]);
    });
  }
});
