/**
 * The real-kernel lab in the test suite: boot every scenario's Debian kernel under QEMU (amd64
 * scenarios with qemu-system-x86_64, arm64 ones with qemu-system-aarch64), run the shell collector
 * inside, analyze the bundle it brings back, and check the scenario's expected findings.
 *
 * An architecture whose QEMU is not installed is skipped, with the reason in the skipped test's
 * name and on stderr, unless PTDOCTOR_REQUIRE lists `lab` (CI sets it): then it fails. PTDOCTOR_LAB=0
 * skips the whole lab where nothing requires it; LAB_ARCH=arm64 (a comma-separated list) runs only
 * those architectures.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { readBundleFile } from '../../src/bundle/read-bundle.js';
import { builtinRules } from '../../rules/index.js';
import { expectationProblems } from './expectations.js';
// @ts-expect-error plain .mjs lab scripts carry no types
import { ARCHES } from './lib/arch.mjs';
// @ts-expect-error plain .mjs lab scripts carry no types
import { listScenariosOf, loadScenario } from './lib/scenario.mjs';
// @ts-expect-error plain .mjs lab scripts carry no types
import { runScenario } from './run-scenario.mjs';

interface Run {
  readonly bundle: string | null;
  readonly buildMs: number;
  readonly bootMs: number;
}

const required = (process.env.PTDOCTOR_REQUIRE ?? '').split(',').some((w) => w.trim() === 'lab');
const disabled = process.env.PTDOCTOR_LAB === '0';
const jobs = Math.max(1, Number(process.env.LAB_JOBS ?? 2));
const installed = (cmd: string): boolean => spawnSync(cmd, ['--version']).status === 0;
const chosen = process.env.LAB_ARCH ? new Set(process.env.LAB_ARCH.split(',').map((w) => w.trim())) : null;

/** Per architecture: its scenarios, and why it cannot run here (null when it can). */
const arches = Object.entries(ARCHES as Record<string, { qemu: string }>).map(([arch, { qemu }]) => ({
  arch,
  qemu,
  names: listScenariosOf(arch) as string[],
  missing: disabled ? 'PTDOCTOR_LAB=0' : installed(qemu) ? null : `${qemu} is not installed`,
  leftOut: chosen !== null && !chosen.has(arch),
}));
const runnable = arches.filter((a) => a.missing === null && !a.leftOut).flatMap((a) => a.names);

describe('real-kernel lab', () => {
  const runs = new Map<string, Run | Error>();
  const t0 = Date.now();
  beforeAll(async () => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < runnable.length) {
        const name = runnable[next++] as string;
        try {
          runs.set(name, (await runScenario(name, {})) as Run);
        } catch (e) {
          runs.set(name, e as Error);
        }
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
  }, 40 * 60_000);

  afterAll(() => {
    if (runs.size === 0) return;
    const lines = arches
      .filter((a) => a.missing === null && !a.leftOut)
      .map((a) => {
        const ms = a.names.map((n) => runs.get(n)).reduce((sum, r) => sum + (r && !(r instanceof Error) ? r.buildMs + r.bootMs : 0), 0);
        return `${a.arch} ${a.names.length} scenarios, ${(ms / 1000).toFixed(0)} s of boots`;
      });
    console.log(`real-kernel lab: ${lines.join('; ')}; ${((Date.now() - t0) / 1000).toFixed(0)} s in all (${jobs} at a time)`);
  });

  for (const a of arches) {
    describe(a.arch, () => {
      if (a.leftOut) {
        it.skip(`${a.names.length} ${a.arch} scenarios not run: LAB_ARCH=${process.env.LAB_ARCH ?? ''}`, () => undefined);
        return;
      }
      if (a.missing !== null) {
        const why = `${a.names.length} ${a.arch} scenarios not run: ${a.missing}`;
        if (required) {
          it(`${a.arch} lab can run (PTDOCTOR_REQUIRE lists lab)`, () => {
            throw new Error(`${why}; PTDOCTOR_REQUIRE lists lab, so the lab must run here`);
          });
        } else {
          console.warn(`real-kernel lab: ${why} (PTDOCTOR_REQUIRE=lab makes this a failure)`);
          it.skip(`${why} (PTDOCTOR_REQUIRE=lab makes this a failure)`, () => undefined);
        }
        return;
      }
      for (const name of a.names) {
        it(`${name}: boots, collects, and analyzes to the expected findings`, async () => {
          const run = runs.get(name);
          if (run instanceof Error || run === undefined) throw run ?? new Error('not run');
          if (run.bundle === null) throw new Error('the collector wrote no bundle');
          const analysis = analyzeBundle(await readBundleFile(run.bundle), { rules: builtinRules });
          const scenario = loadScenario(name) as { expect: { must: string[]; mustNot: string[] } };
          expect(expectationProblems(analysis.findings, scenario.expect, new Set(builtinRules.map((r) => r.id)))).toEqual([]);
        });
      }
    });
  }
});
