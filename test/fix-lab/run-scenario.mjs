// One scenario, end to end, in one QEMU process: boot the installed system from an overlay of the
// base image, let the agent apply the scenario's setup and reboot, collect (before.tgz), analyze
// it here with the shipped CLI, hand the guest the plan script the Markdown report printed, let
// the agent run it as root and reboot for real, collect again (after.tgz), then `ptdoctor diff`.
//
// Writes CACHE/out/<scenario>/: console.log, share/ (everything the guest wrote: *.log, *.rc,
// boots, before.tgz, after.tgz, *-boot.txt), before/report.{json,md}, after/report.{json,md},
// diff.json, result.json (timings and paths).
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { machineArgs } from './lib/machine.mjs';
import { CACHE, REPO } from './lib/paths.mjs';
import { applyOptional, plansOf } from './lib/report-plan.mjs';
import { runQemu } from './lib/run-qemu.mjs';
import { loadScenario } from './lib/scenario.mjs';
import { driversOf, verdictProblems } from './lib/verdict.mjs';

const CLI = join(REPO, 'dist', 'bundle', 'main.js');
/** The whole scenario: up to three boots under TCG, the collector twice, the plan (initramfs, grub). */
const SCENARIO_TIMEOUT_MS = Number(process.env.FIXLAB_SCENARIO_TIMEOUT_MS ?? 30 * 60_000);
const run = promisify(execFile);

const read = (p) => (existsSync(p) ? readFileSync(p, 'utf8') : null);

/** `node dist/bundle/main.js ARGS`: { code, stdout, stderr } (exit 1 is a finding, not a failure). */
async function ptdoctor(args) {
  try {
    const r = await run(process.execPath, [CLI, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    if (typeof e.code !== 'number') throw e;
    return { code: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function analyze(bundle, dir, target) {
  mkdirSync(dir, { recursive: true });
  const r = await ptdoctor(['analyze', bundle, '-f', 'json', '-f', 'md', '-o', join(dir, 'report'), '--device', target]);
  if (r.code === 2) throw new Error(`ptdoctor analyze ${bundle}: ${r.stderr.trim()}`);
  return {
    code: r.code,
    json: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')),
    md: readFileSync(join(dir, 'report.md'), 'utf8'),
  };
}

/**
 * Each boot: the kernel it ran, the guest's uptime when the agent started (kernel, initramfs,
 * systemd), and the time from the machine's start or the reboot before it (the phase that asked
 * for it ended) to the agent's start, as seen from here (firmware, GRUB, shutdown included).
 */
function bootsOf(text, marks) {
  const resets = [0, ...['setup.rc', 'plan.rc'].map((k) => marks[k]).filter((v) => v !== undefined)];
  return text
    .split('\n')
    .filter(Boolean)
    .map((l, i) => {
      const [kernel, uptime] = l.split(' ');
      const up = marks[`boot${i + 1}`];
      return { kernel, uptimeS: Number(uptime), sinceResetMs: up !== undefined && resets[i] !== undefined ? up - resets[i] : null };
    });
}

export async function runScenario(name, base, { log = () => {} } = {}) {
  const s = loadScenario(name);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: npm run build`);
  const out = join(CACHE, 'out', name);
  rmSync(out, { recursive: true, force: true });
  const share = join(out, 'share');
  mkdirSync(share, { recursive: true });
  const disk = join(out, 'disk.qcow2');
  execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-b', base.image, '-F', 'qcow2', disk]);
  const driveImages = new Map();
  for (const d of s.devices.filter((x) => x.startsWith('drive:'))) {
    const f = join(out, `${d.slice(6)}.img`);
    writeFileSync(f, '');
    truncateSync(f, 64 << 20);
    driveImages.set(d.slice(6), f);
  }
  copyFileSync(join(REPO, 'src', 'collector', 'collect.sh'), join(share, 'collect.sh'));
  const setup = [...(s.kernel === '6.1' ? [] : [`fixlab-boot-kernel ${s.kernel}`]), ...(s.setup ?? [])];
  // setup commands name the scenario's kernel release as $KVER (e.g. update-initramfs -u -k "$KVER")
  if (setup.length > 0) writeFileSync(join(share, 'setup.sh'), `KVER=${base.kernels[s.kernel]}\n${setup.join('\n')}\n`);
  if ((s.runtime ?? []).length > 0) writeFileSync(join(share, 'runtime.sh'), `${s.runtime.join('\n')}\n`);
  writeFileSync(join(share, 'plan-wait'), '900\n');

  // what happened when, as seen from here (ms since QEMU started)
  const marks = {};
  const t0 = Date.now();
  const mark = (k) => (marks[k] ??= Date.now() - t0);
  let boots = 0;
  let planned = false;
  let before = null;
  let plan = null;
  const tick = async () => {
    // the console shows when GRUB started and when it handed over to the kernel, boot by boot
    const con = read(join(out, 'console.log')) ?? '';
    for (const [k, text] of [
      ['grub', 'GNU GRUB'],
      ['initrd', 'Loading initial ramdisk'],
    ])
      for (let n = con.split(text).length - 1; n > 0; n--) mark(`${k}${n}`);
    const lines = (read(join(share, 'boots')) ?? '').split('\n').filter(Boolean).length;
    for (; boots < lines; boots++) {
      mark(`boot${boots + 1}`);
      log(`${name}: boot ${boots + 1} up`);
    }
    for (const k of ['setup', 'runtime', 'before', 'plan', 'after', 'verify']) if (existsSync(join(share, `${k}.rc`))) mark(`${k}.rc`);
    if (!planned && existsSync(join(share, 'before.rc'))) {
      planned = true;
      try {
        if (read(join(share, 'before.rc'))?.trim() !== '0' || !existsSync(join(share, 'before.tgz')))
          throw new Error(`the collector failed before the fix (before.rc ${read(join(share, 'before.rc'))?.trim()})`);
        before = await analyze(join(share, 'before.tgz'), join(out, 'before'), s.target);
        plan = plansOf(before.md);
        if (plan.script === null) throw new Error('the report printed no plan script');
        // what the person does with the script: save it and run it; a scenario may also take up
        // an optional suggestion, which the person does by uncommenting its lines
        writeFileSync(join(out, 'plan-as-printed.sh'), plan.script);
        writeFileSync(join(share, 'plan.sh'), applyOptional(plan.script, s.applyOptional ?? []));
        if (plan.verify !== null) writeFileSync(join(share, 'verify.sh'), plan.verify);
        log(`${name}: plan handed to the guest (${plan.script.split('\n').length} lines)`);
      } finally {
        // without plan.sh the guest powers off
        writeFileSync(join(share, 'plan.ready'), '');
        mark('plan.ready');
      }
    }
  };
  const q = await runQemu(machineArgs({ disk, share, consoleLog: join(out, 'console.log'), devices: s.devices, driveImages }), {
    timeoutMs: SCENARIO_TIMEOUT_MS,
    stderrFile: join(out, 'qemu.stderr'),
    tick,
  });
  await tick();
  const rc = (k) => read(join(share, `${k}.rc`))?.trim() ?? null;
  const result = {
    name,
    target: s.target,
    qemu: q.code,
    totalMs: q.ms,
    marks,
    boots: bootsOf(read(join(share, 'boots')) ?? '', marks),
    rc: { setup: rc('setup'), runtime: rc('runtime'), before: rc('before'), plan: rc('plan'), after: rc('after'), verify: rc('verify') },
    planScript: plan?.script ?? null,
    verifyScript: plan?.verify ?? null,
    beforeCode: before?.code ?? null,
    before: before ? join(out, 'before', 'report.json') : null,
    after: null,
    afterCode: null,
    diff: null,
    diffCode: null,
  };
  if (rc('after') === '0' && existsSync(join(share, 'after.tgz'))) {
    const after = await analyze(join(share, 'after.tgz'), join(out, 'after'), s.target);
    result.after = join(out, 'after', 'report.json');
    result.afterCode = after.code;
    const d = await ptdoctor([
      'diff',
      join(share, 'before.tgz'),
      join(share, 'after.tgz'),
      '--device',
      s.target,
      '-f',
      'json',
      '-o',
      join(out, 'diff.json'),
    ]);
    if (d.code === 2) throw new Error(`ptdoctor diff: ${d.stderr.trim()}`);
    result.diff = join(out, 'diff.json');
    result.diffCode = d.code;
  }
  const lspci = (tgz) => {
    if (!existsSync(tgz)) return {};
    const text = execFileSync('tar', ['-xzOf', tgz, '--wildcards', '*/commands/lspci-nnk.out'], { encoding: 'utf8', maxBuffer: 16 << 20 });
    return driversOf(text);
  };
  result.driversBefore = lspci(join(share, 'before.tgz'));
  result.driversAfter = lspci(join(share, 'after.tgz'));
  const json = (p) => (p && existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null);
  result.problems = verdictProblems(
    s,
    { rc: result.rc, setupExpected: setup.length > 0, boots: result.boots, qemu: result.qemu, planScript: result.planScript },
    json(result.before),
    json(result.after),
    json(result.diff),
    result.driversAfter,
  );
  writeFileSync(join(out, 'result.json'), JSON.stringify(result, null, 2));
  return result;
}
