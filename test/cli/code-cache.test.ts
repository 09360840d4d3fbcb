/**
 * The shipped CLI starts from a V8 code cache made at build time (scripts/make-code-cache.cjs).
 * V8 accepts a cache for any source of the same length and then runs the cached, stale code, so
 * the launcher offers the cache only for the app.js whose SHA-256 it carries, and says with
 * --debug when it does not use it. Copies of dist/bundle/ are changed one way each.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundle-from.js';
import { shipped } from './shipped-cli.js';

const MAGIC = 'ptdoctor-code-cache-1\n';

/** A package with a copy of dist/bundle/ (templates and rule docs linked), for changing the copy. */
function copyOfBundle(): string {
  shipped(['--version']);
  const pkg = mkdtempSync(join(tmpdir(), 'ptd-cache-'));
  copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  for (const d of ['templates', 'rules']) symlinkSync(join(ROOT, d), join(pkg, d));
  mkdirSync(join(pkg, 'dist', 'bundle'), { recursive: true });
  for (const f of readdirSync(join(ROOT, 'dist', 'bundle'))) copyFileSync(join(ROOT, 'dist', 'bundle', f), join(pkg, 'dist', 'bundle', f));
  return join(pkg, 'dist', 'bundle');
}

describe('code cache of the shipped CLI', () => {
  it('is used by the build it was made for', () => {
    const r = shipped(['--version', '--debug']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(ROOT, 'dist', 'bundle', 'app.js.cache')).toString('latin1', 0, MAGIC.length)).toBe(MAGIC);
  });

  it('is not used for an app.js changed at the same length, which runs as changed', () => {
    const dir = copyOfBundle();
    const app = readFileSync(join(dir, 'app.js'), 'utf8');
    const from = 'Diagnose why PCI/PCIe passthrough (VFIO) fails';
    expect(app).toContain(from);
    writeFileSync(join(dir, 'app.js'), app.replace(from, from.toUpperCase()));
    expect(readFileSync(join(dir, 'app.js')).length).toBe(Buffer.byteLength(app));
    const r = shipped(['--help', '--debug'], { main: join(dir, 'main.js') });
    expect(r.stdout).toContain(from.toUpperCase());
    expect(r.stderr).toBe('ptdoctor: code cache not used: made from other code than this app.js\n');
  });

  it('a cache this V8 rejects (another Node version) is noticed, and the CLI still runs', () => {
    const dir = copyOfBundle();
    const cache = readFileSync(join(dir, 'app.js.cache'));
    // V8's code cache header: magic number, then the hash of the V8 version that wrote it
    const versionHash = MAGIC.length + 32 + 4;
    cache[versionHash] = (cache[versionHash] as number) ^ 0xff;
    writeFileSync(join(dir, 'app.js.cache'), cache);
    const r = shipped(['--version', '--debug'], { main: join(dir, 'main.js') });
    expect(r.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
    expect(r.stderr).toBe('ptdoctor: code cache not used: rejected by this Node version\n');
  });

  it('without --debug nothing is said', () => {
    const dir = copyOfBundle();
    writeFileSync(join(dir, 'app.js.cache'), 'not a cache');
    const r = shipped(['--version'], { main: join(dir, 'main.js') });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
