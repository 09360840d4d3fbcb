#!/usr/bin/env node
// Runs every lab scenario (or the ones named), LAB_JOBS at a time (default 2), and prints the
// time each took. Flags are passed on to run-scenario (--fixtures, --samples).
//
//   npm run lab                      # all scenarios
//   node test/lab/run-lab.mjs --samples intel-healthy amd-healthy
import { listScenarios } from './lib/scenario.mjs';
import { runScenario } from './run-scenario.mjs';

const argv = process.argv.slice(2);
const names = argv.filter((a) => !a.startsWith('--'));
const opts = { fixtures: argv.includes('--fixtures'), samples: argv.includes('--samples') };
const todo = names.length > 0 ? names : listScenarios();
const jobs = Math.max(1, Number(process.env.LAB_JOBS ?? 2));

const t0 = Date.now();
const results = [];
let failed = 0;
let next = 0;
async function worker() {
  while (next < todo.length) {
    const name = todo[next++];
    const t = Date.now();
    try {
      const r = await runScenario(name, opts);
      results.push({ name, ms: Date.now() - t, ok: true, bundle: Boolean(r.bundle) });
      console.log(`ok   ${name} ${((Date.now() - t) / 1000).toFixed(1)} s${r.bundle ? '' : ' (no collector bundle)'}`);
    } catch (err) {
      failed++;
      results.push({ name, ms: Date.now() - t, ok: false });
      console.log(`FAIL ${name} ${((Date.now() - t) / 1000).toFixed(1)} s: ${err.message ?? err}`);
    }
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
console.log(`${todo.length - failed}/${todo.length} scenarios in ${((Date.now() - t0) / 1000).toFixed(1)} s (${jobs} at a time)`);
if (failed > 0) process.exitCode = 1;
