/**
 * The fix-apply lab in the test suite: for every scenario, a real installed Debian 12 host (the
 * cached base image) is broken the way the scenario says, collected, analyzed with the shipped CLI,
 * given the plan script its Markdown report printed, rebooted for real, collected again, and
 * `ptdoctor diff` must show the target's blocking findings fixed and no new error
 * (test/fix-lab/lib/verdict.mjs says exactly what is required).
 *
 * Runs only under vitest.fix-lab.config.ts (`npm run test:fix-lab`); FIXLAB_SCENARIOS=a,b runs only
 * those scenarios. Without its tools (QEMU,
 * mmdebstrap, root, the built CLI) it is skipped with the reason, unless PTDOCTOR_REQUIRE lists
 * `fixlab`: then it fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { suiteCanRun } from '../helpers/required-suite.js';
// @ts-expect-error plain .mjs lab scripts carry no types
import { REPO } from './lib/paths.mjs';
// @ts-expect-error plain .mjs lab scripts carry no types
import { listScenarios, loadScenario } from './lib/scenario.mjs';
// @ts-expect-error plain .mjs lab scripts carry no types
import { describeBoots, runFixLab } from './run-fix-lab.mjs';

interface ScenarioRun {
  readonly name: string;
  readonly error?: string;
  readonly problems?: readonly string[];
  readonly totalMs?: number;
  readonly boots?: readonly { kernel: string; uptimeS: number }[];
}
interface Lab {
  readonly image: { key: string; cached: boolean; buildMs: number };
  readonly runs: readonly ScenarioRun[];
}

const TOOLS: readonly (readonly [string, readonly string[]])[] = [
  ['qemu-system-x86_64', ['--version']],
  ['qemu-img', ['--version']],
  ['mmdebstrap', ['--version']],
  ['sfdisk', ['--version']],
  ['mke2fs', ['-V']],
];

/** Why the lab cannot run on this machine, or null. */
function whyNot(): string | null {
  const absent = TOOLS.filter(([cmd, args]) => spawnSync(cmd, args).status !== 0).map(([cmd]) => cmd);
  if (absent.length > 0) return `${absent.join(', ')} not installed (see docs/fix-lab.md)`;
  if (process.getuid?.() !== 0) return 'mmdebstrap --mode=root and mke2fs -d need root';
  if (!existsSync(join(REPO as string, 'dist', 'bundle', 'main.js'))) return 'dist/bundle/main.js is missing (npm run build)';
  return null;
}

/** FIXLAB_SCENARIOS=a,b runs only those scenarios (all by default). */
const names = (process.env.FIXLAB_SCENARIOS?.split(',').map((n) => n.trim()) ?? (listScenarios() as string[])).filter(Boolean);
const underItsConfig = process.env.FIXLAB_SUITE === '1';

if (!underItsConfig)
  describe('fix-apply lab', () => {
    it.skip('runs only under vitest.fix-lab.config.ts (npm run test:fix-lab)', () => undefined);
  });

describe.runIf(underItsConfig && suiteCanRun('fixlab', whyNot()))('fix-apply lab', () => {
  let lab: Lab | null = null;
  const t0 = Date.now();
  beforeAll(async () => {
    lab = (await runFixLab(names, { log: (l: string) => process.stderr.write(`fix-lab: ${l}\n`) })) as Lab;
  });
  afterAll(() => {
    if (!lab) return;
    const image = lab.image.cached
      ? `base image ${lab.image.key} cached`
      : `base image built in ${(lab.image.buildMs / 1000).toFixed(0)} s`;
    const each = lab.runs.map((r) => `${r.name} ${r.totalMs === undefined ? 'failed' : `${(r.totalMs / 1000).toFixed(0)} s`}`);
    console.log(`fix-apply lab: ${image}; ${each.join(', ')}; ${((Date.now() - t0) / 1000).toFixed(0)} s in all`);
  });

  for (const name of names) {
    it(`${name}: the report's plan fixes the installed host after a real reboot`, () => {
      const run = lab?.runs.find((r) => r.name === name);
      if (!run) throw new Error('not run');
      if (run.error !== undefined) throw new Error(run.error);
      // A plan known to be wrong on the real system is recorded in its scenario with the exact
      // problems it shows; when the plan changes, so do they, and this fails until the file says so.
      const known = (loadScenario(name) as { expect: { knownProblems?: string[] } }).expect.knownProblems ?? [];
      expect(run.problems, describeBoots(run) as string).toEqual(known);
    });
  }
});
