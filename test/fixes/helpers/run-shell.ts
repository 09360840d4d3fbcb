/**
 * Run generated shell under the shells and awks the fixes must work with: dash (Debian's /bin/sh),
 * bash (RHEL's /bin/sh), busybox sh; mawk (Debian) and busybox awk. gawk is not installed here; the
 * programs use POSIX awk only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SHELLS = [
  ['dash', ['dash']],
  ['bash', ['bash', '--posix']],
  ['busybox sh', ['busybox', 'sh']],
] as const;

function which(cmd: string): string {
  return execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
}

/** A PATH whose `awk` is the given implementation, ahead of the system's. */
export function awkPath(kind: 'mawk' | 'busybox'): string {
  const dir = mkdtempSync(join(tmpdir(), `ptd-awk-${kind}-`));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  if (kind === 'mawk') symlinkSync(which('mawk'), join(bin, 'awk'));
  else symlinkSync(which('busybox'), join(bin, 'awk'));
  return `${bin}:${process.env['PATH'] ?? '/usr/bin:/bin'}`;
}

export interface ShellRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runShell(shell: readonly string[], script: string, env: Record<string, string> = {}): ShellRun {
  const [cmd, ...args] = shell;
  // stdin closed: bash reads ~/.bashrc when its stdin is a socket, which is how Node passes pipes.
  const r = spawnSync(cmd!, [...args, '-c', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `sh -n`: parse without running. */
export function parses(shell: 'dash' | 'bash', script: string): { ok: boolean; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-parse-'));
  const file = join(dir, 'script.sh');
  writeFileSync(file, script);
  const r = spawnSync(shell, ['-n', file], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: '/usr/bin:/bin' },
    timeout: 20_000,
  });
  rmSync(dir, { recursive: true, force: true });
  return { ok: r.status === 0, stderr: r.stderr };
}
