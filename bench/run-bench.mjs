/**
 * `npm run bench`: wall time, CPU time and peak RSS of analysis and collection on inputs of growing
 * size, each with its ratio to a floor measured in the same run (analysis: Node startup plus
 * inflating and reading the same archive with no parsing; collection: `tar czf` of the same files
 * plus the commands' own run time). Prints a Markdown table (docs/performance.md holds one).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bigHost, floodedLog } from './generate.mjs';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'bundle', 'main.js');
const PROBE = join(ROOT, 'bench', 'usage-probe.mjs');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const work = mkdtempSync(join(tmpdir(), 'ptdoctor-bench-'));

function runOnce(args, i) {
  const usage = join(work, `usage-${i}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PROBE, ...args], {
    env: { ...process.env, PTDOCTOR_BENCH_USAGE: usage },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const outerMs = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return { ...JSON.parse(readFileSync(usage, 'utf8')), outerMs };
}
const median = (runs) => [...runs].sort((a, b) => a.outerMs - b.outerMs)[Math.floor(runs.length / 2)];

/** The floor and the run alternate, so a slow moment of the machine weighs on both alike. */
function measurePair(floorArgs, runArgs, repeat = REPEAT) {
  const floors = [];
  const runs = [];
  for (let i = 0; i < repeat; i += 1) {
    floors.push(runOnce(floorArgs, i));
    runs.push(runOnce(runArgs, i));
  }
  return { floor: median(floors), run: median(runs) };
}

const rows = [];
function analysisCase(label, bundle) {
  const { floor, run } = measurePair(
    [join(ROOT, 'bench', 'read-floor.mjs'), bundle],
    [CLI, 'analyze', bundle, '-f', 'json', '-o', join(work, 'out.json')],
  );
  rows.push({ label, run, floor });
}

analysisCase('typical host (samples/lab-group-shared.tgz)', join(ROOT, 'samples', 'lab-group-shared.tgz'));
for (const n of [500, 1000, 2000]) analysisCase(`big host, ${n} extra PCI functions`, await bigHost(work, n));
for (const mb of [4, 16, 64])
  analysisCase(`kernel log of ${mb} MiB of DMAR faults${mb > 16 ? ' (the reader keeps 16 MiB)' : ''}`, await floodedLog(work, mb));

// A fleet of 1,000 bundles (the typical one under 1,000 names) on every core, against the floor
// of reading all 1,000 archives in one process.
const fleetDir = join(work, 'fleet');
mkdirSync(fleetDir);
for (let i = 0; i < 1000; i += 1)
  copyFileSync(join(ROOT, 'samples', 'lab-group-shared.tgz'), join(fleetDir, `host-${String(i).padStart(4, '0')}.tgz`));
const fleetFiles = Array.from({ length: 1000 }, (_, i) => join(fleetDir, `host-${String(i).padStart(4, '0')}.tgz`));
const fleet = measurePair(
  [join(ROOT, 'bench', 'read-floor.mjs'), ...fleetFiles],
  [CLI, 'analyze', fleetDir, '-f', 'json', '-o', join(work, 'fleet-out')],
  Math.min(REPEAT, 3),
);
rows.push({ label: 'fleet of 1,000 typical bundles (JSON reports + summary)', ...fleet });

// Collection on this machine: the shell collector against tar czf of what it collected plus the run
// time its commands reported, per run (the commands' time varies from run to run); median ratio.
function collectOnce(i) {
  const bundle = join(work, `collected-${i}.tgz`);
  const t0 = performance.now();
  execFileSync('sh', [join(ROOT, 'src', 'collector', 'collect.sh'), '-o', bundle], { stdio: 'ignore' });
  const ms = performance.now() - t0;
  const unpacked = join(work, `collected-${i}`);
  mkdirSync(unpacked);
  execFileSync('tar', ['-xzf', bundle, '-C', unpacked]);
  const manifest = JSON.parse(execFileSync('sh', ['-c', `cat ${unpacked}/*/manifest.json`]).toString());
  const commandMs = manifest.items.filter((it) => it.kind === 'command').reduce((sum, it) => sum + (it.durationMs ?? 0), 0);
  const t1 = performance.now();
  execFileSync('tar', ['-czf', join(work, `floor-${i}.tgz`), '-C', unpacked, '.']);
  const tarMs = performance.now() - t1;
  return { ms, commandMs, tarMs, ratio: ms / (commandMs + tarMs) };
}
const collections = Array.from({ length: Math.max(REPEAT, 5) }, (_, i) => collectOnce(i)).sort((a, b) => a.ratio - b.ratio);
const collection = collections[Math.floor(collections.length / 2)];

const f = (n) => n.toFixed(0);
console.log(
  `\nMeasured ${new Date().toISOString()} on ${execFileSync('uname', ['-srm']).toString().trim()}, ${execFileSync('nproc').toString().trim()} cores, Node ${process.version}; median of ${REPEAT}.\n`,
);
console.log('| case | wall ms | CPU ms | peak RSS MB | floor wall ms | floor RSS MB | wall ratio |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.label} | ${f(r.run.outerMs)} | ${f(r.run.cpuMs)} | ${f(r.run.maxRssMb)} | ${f(r.floor.outerMs)} | ${f(r.floor.maxRssMb)} | ${(r.run.outerMs / r.floor.outerMs).toFixed(2)} |`,
  );
const wall = (label) => rows.find((r) => r.label.startsWith(label)).run.outerMs;
const perFunction = (wall('big host, 2000') - wall('big host, 500')) / 1500;
const perMiB = (wall('kernel log of 16') - wall('kernel log of 4')) / 12;
const { ms: collectMs, commandMs, tarMs, ratio } = collection;
console.log(
  `| collection on this host (sh collector; median ratio of ${collections.length} runs) | ${f(collectMs)} | | | ${f(tarMs + commandMs)} (tar czf ${f(tarMs)} + commands ${f(commandMs)}) | | ${ratio.toFixed(2)} |`,
);
console.log(
  `\nSlopes: ${perFunction.toFixed(3)} ms of wall time per extra PCI function (500 → 2,000), ${perMiB.toFixed(1)} ms per MiB of kernel log (4 → 16 MiB).`,
);
rmSync(work, { recursive: true, force: true });
