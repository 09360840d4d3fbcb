/**
 * The CLI as it ships: `node dist/bundle/main.js` (the launcher, the bundled app.js and its code
 * cache, as `npm run build` leaves them), run in a child process with the given working directory,
 * environment and, when the test runs as root, optionally as an unprivileged user.
 */
import { spawnSync } from 'node:child_process';
import { DIST_MAIN, ensureBuilt } from '../hostile/measure.js';

export interface Shipped {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ShippedOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Run as nobody (uid/gid 65534); only possible when the test itself runs as root. */
  readonly asNobody?: boolean;
  readonly main?: string;
}

export function shipped(args: readonly string[], opts: ShippedOptions = {}): Shipped {
  ensureBuilt();
  const r = spawnSync(process.execPath, [opts.main ?? DIST_MAIN, ...args], {
    encoding: 'utf8',
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NO_COLOR: '1', ...opts.env },
    timeout: 60_000,
    ...(opts.asNobody ? { uid: 65534, gid: 65534 } : {}),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const isRoot = (): boolean => process.getuid?.() === 0;
