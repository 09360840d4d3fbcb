/**
 * Run the built ptdoctor CLI (dist/) in a child process with an empty working directory and an
 * empty TMPDIR, and measure it: wall time from spawn to exit, CPU time, peak RSS (its own VmHWM, reported by
 * run-cli.mjs on fd 3), and every file left behind in either directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/bundle-from.js';

export const DIST_MAIN = join(ROOT, 'dist', 'bundle', 'main.js');
const RUNNER = join(import.meta.dirname, 'run-cli.mjs');

/** The suites run after `npm run build`; a bare `vitest run test/hostile` (or test/cli) builds once itself. */
export function ensureBuilt(): void {
  if (existsSync(DIST_MAIN)) return;
  spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(DIST_MAIN)) throw new Error('dist/bundle/main.js is missing: run npm run build');
}

export interface Measured {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** User + system CPU time of the child, all threads (gunzip runs on the libuv pool). */
  readonly cpuMs: number;
  readonly maxRssMiB: number;
  readonly polluted: boolean;
  /** Files in the child's cwd and TMPDIR after the run (cwd-relative names; tmp ones prefixed `$TMPDIR/`). */
  readonly leftBehind: readonly string[];
  readonly cwd: string;
}

/** `scratch`: where the child's cwd and TMPDIR are made (the caller removes it). */
export async function runCli(args: readonly string[], scratch = tmpdir(), killAfterMs = 30_000): Promise<Measured> {
  const cwd = mkdtempSync(join(scratch, 'cwd-'));
  const tmp = mkdtempSync(join(scratch, 'tmp-'));
  const started = performance.now();
  const child = spawn(process.execPath, [RUNNER, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp, PTDOCTOR_MAIN: DIST_MAIN, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const fd3: Buffer[] = [];
  child.stdout?.on('data', (c: Buffer) => out.push(c));
  child.stderr?.on('data', (c: Buffer) => err.push(c));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (c: Buffer) => fd3.push(c));
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);
  const ms = performance.now() - started;
  const report = fd3.length
    ? (JSON.parse(Buffer.concat(fd3).toString()) as { maxRssKiB: number; cpuMicros: number; polluted: boolean })
    : null;
  return {
    code,
    stdout: Buffer.concat(out).toString(),
    stderr: Buffer.concat(err).toString(),
    ms,
    cpuMs: report ? report.cpuMicros / 1000 : Number.NaN,
    maxRssMiB: report ? report.maxRssKiB / 1024 : Number.NaN,
    polluted: report?.polluted ?? false,
    leftBehind: [...readdirSync(cwd), ...readdirSync(tmp).map((n) => `$TMPDIR/${n}`)].sort(),
    cwd,
  };
}
