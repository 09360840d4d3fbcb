/**
 * `npm run bench`: every case of docs/performance.md, each against a floor measured in the same
 * run, and the goals they are held to.
 *
 * - Analysis floor (bench/read-floor.mjs): Node start-up, the archive gunzipped in 1 MiB chunks and
 *   its tar headers walked, counting bytes — no decoding, no parsing. The heavier floor earlier
 *   runs used (every entry read with tar-stream and decoded into a string) is shown beside it.
 * - Collection floor (bench/collect-floor.sh): the commands the collector runs, the files it copies
 *   and the sysfs and procfs listings it reads, once each in a plain loop, then `tar czf`.
 *
 * The machine is shared: runs and their floors alternate (BENCH_REPEAT, default 5; 3 for the
 * largest cases) and every figure is the median; the load average and what two cores give two busy
 * threads right now (a CPU-bound loop run alone and twice at once) are printed with the results.
 * Wall time is the parent's clock; CPU time and peak RSS are the process's own
 * (bench/usage-probe.mjs) or, for the shell collector, its children's (`times`).
 * BENCH_PROFILE=1 adds the top self-time functions of each analysis case (`node --cpu-prof`).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bigHost, fakeHostRoot, floodedLog } from './generate.mjs';
import { topSelfTime } from './profile-top.mjs';
import { MAX_PCI_FUNCTIONS } from '../dist/src/facts/pci.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'bundle', 'main.js');
const SOURCE_CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const PROBE = join(ROOT, 'bench', 'usage-probe.mjs');
const FLOOR = join(ROOT, 'bench', 'read-floor.mjs');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
const BIG_REPEAT = Math.min(REPEAT, 3);
const PROFILE = process.env.BENCH_PROFILE === '1';
const work = mkdtempSync(join(tmpdir(), 'ptdoctor-bench-'));
const SAMPLE = join(ROOT, 'samples', 'lab-group-shared.tgz');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f0 = (n) => (n === undefined || Number.isNaN(n) ? '' : n.toFixed(0));
const f2 = (n) => n.toFixed(2);
const log = (s) => process.stderr.write(`${s}\n`);

/** One node process with the usage probe: wall (parent clock), CPU and peak RSS (the process's own). */
function runNode(args, env = {}) {
  const usage = join(work, 'usage.json');
  rmSync(usage, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PROBE, ...args], {
    env: { ...process.env, ...env, PTDOCTOR_BENCH_USAGE: usage },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 ** 2,
  });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  const u = JSON.parse(readFileSync(usage, 'utf8'));
  return { wall, cpu: u.cpuMs, rss: u.maxRssMb };
}

/** One shell command: wall (parent clock) and the CPU time of everything it ran (`times`, children). */
function runShell(argv, env = {}) {
  const t0 = performance.now();
  const r = spawnSync('/bin/sh', ['-c', '"$@" >/dev/null 2>&1; times', 'sh', ...argv], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const wall = performance.now() - t0;
  const children = r.stdout.trim().split('\n').pop() ?? '';
  const seconds = children.split(/\s+/).map((t) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  });
  return { wall, cpu: 1000 * (seconds[0] + seconds[1]), rss: undefined };
}

/** The medians of each figure over `runs`. */
function medians(runs) {
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rss: median(runs.map((r) => r.rss)) };
}

/** Runs alternate with their floors (and the second floor, when given), so a slow moment of the machine weighs on each alike. */
function interleave(run, floors, repeat) {
  const runs = [];
  const floorRuns = floors.map(() => []);
  for (let i = 0; i < repeat; i += 1) {
    floors.forEach((f, k) => floorRuns[k].push(f()));
    runs.push(run());
  }
  return { run: medians(runs), floors: floorRuns.map(medians) };
}

/** What two cores give two busy threads right now: a CPU-bound loop alone, then two at once (2.0 = both cores free). */
async function parallelCapacity() {
  const spin = ['-e', 'let x = 0; for (let i = 0; i < 2e8; i += 1) x = (x * 31 + i) | 0; if (x === 7) console.log(x);'];
  const once = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      spawn(process.execPath, spin, { stdio: 'ignore' }).on('exit', () => resolve(performance.now() - t0));
    });
  const alone = await once();
  const t0 = performance.now();
  await Promise.all([once(), once()]);
  return (2 * alone) / (performance.now() - t0);
}

function profileOf(args) {
  const dir = mkdtempSync(join(work, 'prof-'));
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { stdio: 'ignore' });
  const { top } = topSelfTime(dir, 8);
  rmSync(dir, { recursive: true, force: true });
  return top.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join('; ');
}

const machine = { loadBefore: loadavg(), capacityBefore: await parallelCapacity() };
log(`bench: work in ${work}; two-thread capacity now ${f2(machine.capacityBefore)}`);

// --- analysis -----------------------------------------------------------------------------------
const analysisRows = [];
const profiles = [];
function analysisCase(label, bundle, formats, repeat = REPEAT) {
  log(`bench: ${label}`);
  const out = join(work, 'report');
  const args = ['analyze', bundle, ...formats.flatMap((f) => ['-f', f]), '-o', formats.length > 1 ? out : `${out}.${formats[0]}`];
  const { run, floors } = interleave(
    () => runNode([CLI, ...args]),
    [() => runNode([FLOOR, bundle]), () => runNode([FLOOR, '--decode', bundle])],
    repeat,
  );
  const row = { label, run, floor: floors[0], decodeFloor: floors[1] };
  analysisRows.push(row);
  if (PROFILE) profiles.push({ label, top: profileOf([SOURCE_CLI, ...args]) });
  return row;
}

analysisCase('typical host (samples/lab-group-shared.tgz), -f json', SAMPLE, ['json']);
const typicalAll = analysisCase('typical host, -f html -f md -f json', SAMPLE, ['html', 'md', 'json']);
const log64 = analysisCase('kernel log of 64 MiB of DMAR faults, -f json', await floodedLog(work, 64), ['json'], BIG_REPEAT);
// 1,000 to 6,000 are analyzed whole (MAX_PCI_FUNCTIONS is 6,144); 8,000 and 20,000 are cut
const SIZES = [1000, 2000, 4000, 6000, 8000, 20000];
const pciRows = [];
for (const n of SIZES) {
  const bundle = await bigHost(work, n);
  const row = analysisCase(
    `${n.toLocaleString('en')} PCI functions, a third of them targets, -f json`,
    bundle,
    ['json'],
    n >= 8000 ? BIG_REPEAT : REPEAT,
  );
  pciRows.push({ n, row });
}
// What the report of the largest host says: every function analyzed, or an error that says what was cut.
const largest = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8'));
const cut = largest.findings.find((x) => x.ruleId === 'inventory-cut');
const largestInventory = cut?.evidence.find((e) => /PCI functions$/.test(e.text))?.text ?? 'unknown';

/** Least-squares slope of wall (or CPU) ms per PCI function over these rows. */
function slope(rows, key) {
  const xs = rows.map((p) => p.n);
  const ys = rows.map((p) => p.row.run[key]);
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  return xs.reduce((s, x, i) => s + (x - mx) * (ys[i] - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
}
// The goal is judged on the hosts analyzed whole: a cut host costs little more than the cap.
const wholeRows = pciRows.filter((p) => p.n <= MAX_PCI_FUNCTIONS);
const pciSlope = { wall: slope(wholeRows, 'wall'), cpu: slope(wholeRows, 'cpu') };
const allSlope = { wall: slope(pciRows, 'wall'), cpu: slope(pciRows, 'cpu') };

// --- fleet --------------------------------------------------------------------------------------
log('bench: fleet of 1,000 bundles');
const fleetDir = join(work, 'fleet');
mkdirSync(fleetDir);
const fleetFiles = Array.from({ length: 1000 }, (_, i) => join(fleetDir, `host-${String(i).padStart(4, '0')}.tgz`));
for (const f of fleetFiles) copyFileSync(SAMPLE, f);
// Every fleet run writes into a new directory, as a user's run does: creating files where as many
// were just deleted costs ext4 more (its inode allocator passes over recently deleted inodes), and
// that cost, serialized on the directory, is no part of the analysis. They are deleted at the end.
const fleetOuts = join(work, 'fleet-out');
let fleetOutCount = 0;
const newFleetOut = () => join(fleetOuts, String(fleetOutCount++));
const fleetRun = (jobs) => () =>
  runNode([CLI, 'analyze', fleetDir, '-f', 'json', '-o', newFleetOut(), ...(jobs ? ['--jobs', String(jobs)] : [])]);
// What two cores give this work with nothing shared: two processes at once, `--jobs 1` each, each
// with half the fleet (the ceiling of any two-thread fleet run on this machine at this moment),
// alternated with the fleet runs like a floor.
const halves = [0, 1].map((h) => {
  const dir = join(work, `fleet-half-${h}`);
  mkdirSync(dir);
  for (const f of fleetFiles.slice(h * 500, h * 500 + 500)) copyFileSync(f, join(dir, f.split('/').pop()));
  return dir;
});
const ceilingRun = () => {
  const halfOuts = [newFleetOut(), newFleetOut()];
  const half = (h) => `"$NODE" "$CLI" analyze "$H${h}" -f json -o "$O${h}" --jobs 1`;
  return runShell(['/bin/sh', '-c', `${half(0)} & ${half(1)}; wait`], {
    NODE: process.execPath,
    CLI,
    H0: halves[0],
    H1: halves[1],
    O0: halfOuts[0],
    O1: halfOuts[1],
  });
};
const fleet = interleave(fleetRun(undefined), [() => runNode([FLOOR, ...fleetFiles]), fleetRun(1), fleetRun(2), ceilingRun], BIG_REPEAT);
const [fleetFloor, fleetOne, fleetTwo, ceiling] = fleet.floors;
const fleetCeiling = ceiling.wall;
rmSync(fleetOuts, { recursive: true, force: true });

// --- collection ---------------------------------------------------------------------------------
const COLLECT_FUNCTIONS = 1000;
log(`bench: collection on a host of ${COLLECT_FUNCTIONS} PCI functions`);
const hostRoot = fakeHostRoot(join(work, 'host-root'), COLLECT_FUNCTIONS);
const SHELLS = [
  ['busybox sh', ['/usr/bin/busybox', 'sh']],
  ['dash', ['/usr/bin/dash']],
  ['bash', ['/bin/bash']],
].filter(([, argv]) => existsSync(argv[0]));
const collectRows = SHELLS.map(([name, argv]) => {
  const env = { PTDOCTOR_ROOT: hostRoot };
  const { run, floors } = interleave(
    () => runShell([...argv, join(ROOT, 'src', 'collector', 'collect.sh'), '-o', join(work, 'collected.tgz'), '--force'], env),
    [() => runShell([...argv, join(ROOT, 'bench', 'collect-floor.sh'), join(work, 'floor.tgz')], env)],
    REPEAT,
  );
  return { name, run, floor: floors[0] };
});

machine.loadAfter = loadavg();
machine.capacityAfter = await parallelCapacity();

// --- report -------------------------------------------------------------------------------------
const out = [];
const say = (s = '') => out.push(s);
say(
  `Measured ${new Date().toISOString()} on ${execFileSync('uname', ['-srm']).toString().trim()}, ${availableParallelism()} cores, Node ${process.version}; median of ${REPEAT} (${BIG_REPEAT} for 8,000 functions and more, the 64 MiB log and the fleet).`,
);
say(
  `Load average ${machine.loadBefore.map(f2).join(' ')} before, ${machine.loadAfter.map(f2).join(' ')} after; two busy threads ran ${f2(machine.capacityBefore)}× / ${f2(machine.capacityAfter)}× as fast as one (2.00 = both cores free).`,
);
say();
say(
  '| case | wall ms | CPU ms | peak RSS MB | floor wall ms | floor CPU ms | floor RSS MB | wall ratio | decode floor wall ms | ratio to it |',
);
say('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of analysisRows)
  say(
    `| ${r.label} | ${f0(r.run.wall)} | ${f0(r.run.cpu)} | ${f0(r.run.rss)} | ${f0(r.floor.wall)} | ${f0(r.floor.cpu)} | ${f0(r.floor.rss)} | ${f2(r.run.wall / r.floor.wall)} | ${f0(r.decodeFloor.wall)} | ${f2(r.run.wall / r.decodeFloor.wall)} |`,
  );
say(
  `| fleet of 1,000 typical bundles, -f json, default --jobs (${availableParallelism()}) | ${f0(fleet.run.wall)} | ${f0(fleet.run.cpu)} | ${f0(fleet.run.rss)} | ${f0(fleetFloor.wall)} | ${f0(fleetFloor.cpu)} | ${f0(fleetFloor.rss)} | ${f2(fleet.run.wall / fleetFloor.wall)} | | |`,
);
say(`| the same fleet, --jobs 1 | ${f0(fleetOne.wall)} | ${f0(fleetOne.cpu)} | ${f0(fleetOne.rss)} | | | | | | |`);
say(`| the same fleet, --jobs 2 | ${f0(fleetTwo.wall)} | ${f0(fleetTwo.cpu)} | ${f0(fleetTwo.rss)} | | | | | | |`);
say(`| the same fleet as two processes at once, --jobs 1 and 500 bundles each | ${f0(fleetCeiling)} | ${f0(ceiling.cpu)} | | | | | | | |`);
say();
say('| collection on a host of 1,000 PCI functions | wall ms | CPU ms | floor wall ms | floor CPU ms | wall ratio | CPU ratio |');
say('|---|---:|---:|---:|---:|---:|---:|');
for (const c of collectRows)
  say(
    `| ${c.name} | ${f0(c.run.wall)} | ${f0(c.run.cpu)} | ${f0(c.floor.wall)} | ${f0(c.floor.cpu)} | ${f2(c.run.wall / c.floor.wall)} | ${f2(c.run.cpu / c.floor.cpu)} |`,
  );
say();
say(
  `PCI functions analyzed whole (${wholeRows.map((p) => p.n.toLocaleString('en')).join(', ')}; a third targets): ${pciSlope.wall.toFixed(3)} ms of wall time and ${pciSlope.cpu.toFixed(3)} ms of CPU per function (least squares); over every size, cut ones included: ${allSlope.wall.toFixed(3)} ms and ${allSlope.cpu.toFixed(3)} ms. The 20,000-function report: ${cut ? `inventory-cut ${cut.status}${cut.status === 'fail' ? ` (${cut.severity})` : ''}, ${largestInventory}` : 'no inventory-cut finding'}, ${largest.devices.length} targets.`,
);
say(
  `Fleet: --jobs 2 ran ${f2(fleetOne.wall / fleetTwo.wall)}× as fast as --jobs 1; two separate processes, each with half the fleet, ran ${f2(fleetOne.wall / fleetCeiling)}× as fast — what two cores give this work here with nothing shared.`,
);
const speedup = fleetOne.wall / fleetTwo.wall;
const goals = [
  [
    'typical bundle, -f html -f md -f json, ≤ 2× floor',
    `${f2(typicalAll.run.wall / typicalAll.floor.wall)}× (${f0(typicalAll.run.wall)} ms)`,
    typicalAll.run.wall <= 2 * typicalAll.floor.wall,
  ],
  [
    '64 MiB kernel log ≤ 3× floor, ≤ 256 MB',
    `${f2(log64.run.wall / log64.floor.wall)}×, ${f0(log64.run.rss)} MB`,
    log64.run.wall <= 3 * log64.floor.wall && log64.run.rss <= 256,
  ],
  [
    'PCI functions analyzed whole: linear, ≤ 0.1 ms per function',
    `${pciSlope.wall.toFixed(3)} ms (wall), ${pciSlope.cpu.toFixed(3)} ms (CPU)`,
    pciSlope.wall <= 0.1,
  ],
  [
    '20,000 PCI functions: all analyzed within 256 MB, or an error-level inventory cut',
    `${cut?.status === 'fail' ? 'inventory-cut error' : 'all analyzed'}, ${f0(pciRows.at(-1).row.run.rss)} MB (largest of any size: ${f0(Math.max(...pciRows.map((p) => p.row.run.rss)))} MB)`,
    (cut?.status === 'pass' || (cut?.status === 'fail' && cut.severity === 'error')) &&
      Math.max(...pciRows.map((p) => p.row.run.rss)) <= 256,
  ],
  [
    'fleet --jobs 2 vs --jobs 1 ≥ 1.7× on 2 cores',
    `${f2(speedup)}× (two processes with half the fleet each: ${f2(fleetOne.wall / fleetCeiling)}×; a busy loop on two threads: ${f2(Math.min(machine.capacityBefore, machine.capacityAfter))}–${f2(Math.max(machine.capacityBefore, machine.capacityAfter))}×)`,
    speedup >= 1.7,
  ],
  ...collectRows.map((c) => [
    `collector ≤ 1.3× its floor under ${c.name}`,
    `${f2(c.run.wall / c.floor.wall)}× wall, ${f2(c.run.cpu / c.floor.cpu)}× CPU`,
    c.run.wall <= 1.3 * c.floor.wall,
  ]),
];
say();
say('| goal | measured | held |');
say('|---|---|---|');
for (const [goal, measured, held] of goals) say(`| ${goal} | ${measured} | ${held ? 'yes' : 'no'} |`);
if (profiles.length > 0) {
  say();
  say('| case | top self time (ms, `node --cpu-prof` of dist/src) |');
  say('|---|---|');
  for (const p of profiles) say(`| ${p.label} | ${p.top} |`);
}
console.log(`\n${out.join('\n')}`);
rmSync(work, { recursive: true, force: true });
