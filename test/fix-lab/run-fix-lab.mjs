#!/usr/bin/env node
// The fix-apply lab from the command line: build (or reuse) the base image, then run scenarios
// FIXLAB_JOBS at a time (default 2: one single-vCPU guest per core) and print what each showed and
// how long it took.
//
//   node test/fix-lab/run-fix-lab.mjs                      # every scenario
//   node test/fix-lab/run-fix-lab.mjs host-driver-claims   # one (or several) by name
//   node test/fix-lab/run-fix-lab.mjs --image              # only the base image
//
// Needs the shipped CLI (npm run build), mmdebstrap, sfdisk, mke2fs, qemu-img and
// qemu-system-x86_64; see docs/fix-lab.md.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBaseImage } from './lib/base-image.mjs';
import { CACHE } from './lib/paths.mjs';
import { listScenarios, loadScenario } from './lib/scenario.mjs';
import { runScenario } from './run-scenario.mjs';

const s = (ms) => (ms === undefined || ms === null ? '-' : `${(ms / 1000).toFixed(0)} s`);

/** Every named scenario (all when none is named), in order: { image, runs: [result | { name, error }] }. */
export async function runFixLab(names = listScenarios(), { log = () => {} } = {}) {
  const image = await ensureBaseImage({ log });
  log(
    image.cached
      ? `base image ${image.key} (cached, built in ${s(image.buildMs)})`
      : `base image ${image.key}: built in ${s(image.buildMs)} (mmdebstrap ${s(image.bootstrapMs)}, disk ${s(image.diskMs)}, install boot ${s(image.installBootMs)})`,
  );
  const jobs = Math.max(1, Number(process.env.FIXLAB_JOBS ?? 2));
  const runs = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const i = next++;
      const name = names[i];
      try {
        const r = await runScenario(name, image, { log });
        const known = new Set(loadScenario(name).expect.knownProblems ?? []);
        log(`${name}: ${r.problems.length === 0 ? 'fixed' : `${r.problems.length} problem(s)`} in ${s(r.totalMs)}; ${describeBoots(r)}`);
        for (const p of r.problems) log(`  - ${p}${known.has(p) ? ' (known)' : ''}`);
        for (const p of known) if (!r.problems.includes(p)) log(`  - no longer shown: ${p}`);
        runs[i] = r;
      } catch (e) {
        log(`${name}: ${e.message}`);
        runs[i] = { name, error: String(e.message ?? e) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, names.length) }, worker));
  mkdirSync(join(CACHE, 'out'), { recursive: true });
  writeFileSync(join(CACHE, 'out', 'summary.json'), JSON.stringify({ image, runs }, null, 2));
  return { image, runs };
}

/** "6.1.0-57-amd64 up in 41 s, …": each boot's kernel and the guest's uptime when the agent started. */
export function describeBoots(r) {
  return r.boots.map((b) => `${b.kernel} up in ${b.uptimeS.toFixed(0)} s`).join(', ');
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const log = (l) => console.log(l);
  const main = argv.includes('--image')
    ? ensureBaseImage({ log }).then((i) => log(`${i.image}${i.cached ? ' (cached)' : `: built in ${s(i.buildMs)}`}`))
    : runFixLab(argv.length > 0 ? argv : undefined, { log }).then(({ runs }) => {
        const unexpected = (r) => {
          const known = loadScenario(r.name).expect.knownProblems ?? [];
          return JSON.stringify(r.problems) !== JSON.stringify(known);
        };
        if (runs.some((r) => r.error || unexpected(r))) process.exitCode = 1;
      });
  main.catch((e) => {
    console.error(String(e.message ?? e));
    process.exitCode = 1;
  });
}
