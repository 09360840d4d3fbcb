/**
 * The collector cannot be made to write where it should not: the bundle is written to a new
 * mktemp file in the target directory and renamed into place; an existing output path is refused
 * without --force; a symbolic link at the output path is never followed (not even to a directory).
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHELLS, makeBin, makeFakeRoot, readBundle, runCollector, tempDir } from './harness.js';

describe.each(SHELLS)('collect.sh output under $name', ({ argv }) => {
  const env = (): Record<string, string> => ({ PATH: makeBin({}), PTDOCTOR_ROOT: makeFakeRoot() });

  it('refuses an existing file without --force and leaves it untouched; replaces it with --force', async () => {
    const dir = tempDir('ptd-out-');
    const out = join(dir, 'b.tgz');
    writeFileSync(out, 'precious');
    const r = await runCollector({ shell: argv, cwd: dir, args: ['-o', out], env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`ptdoctor: ${out} exists; not replaced (--force replaces it)\n`);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['b.tgz']);

    const f = await runCollector({ shell: argv, cwd: dir, args: ['-o', out, '--force'], env: env() });
    expect(f.code, f.stderr).toBe(0);
    expect(f.stdout.toString()).toBe(`${out}\n`);
    expect(readBundle(out).manifest.items.length).toBeGreaterThan(40);
    expect(readdirSync(dir)).toEqual(['b.tgz']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });

  it('never writes through a symbolic link at the output path', async () => {
    const dir = tempDir('ptd-out-');
    const victim = join(tempDir('ptd-victim-'), 'cron-job');
    writeFileSync(victim, 'victim');
    const out = join(dir, 'b.tgz');
    symlinkSync(victim, out);
    const r = await runCollector({ shell: argv, cwd: dir, args: ['-o', out], env: env() });
    expect(r.code).toBe(1);
    expect(readlinkSync(out)).toBe(victim);

    const f = await runCollector({ shell: argv, cwd: dir, args: ['-o', out, '--force'], env: env() });
    expect(f.code, f.stderr).toBe(0);
    // the link itself was replaced by the bundle; its target is as it was
    expect(lstatSync(out).isSymbolicLink()).toBe(false);
    expect(readBundle(out).manifest.schemaVersion).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('victim');
  });

  it('takes a link to a directory for a file name, never for the directory to write in', async () => {
    const dir = tempDir('ptd-out-');
    const target = tempDir('ptd-target-');
    const out = join(dir, 'reports');
    symlinkSync(target, out);
    const r = await runCollector({ shell: argv, cwd: dir, args: ['-o', out], env: env() });
    expect(r.code).toBe(1);
    const f = await runCollector({ shell: argv, cwd: dir, args: ['-o', out, '--force'], env: env() });
    expect(f.code, f.stderr).toBe(0);
    expect(lstatSync(out).isFile()).toBe(true);
    expect(readdirSync(target)).toEqual([]);
  });

  it('writes the default name into a directory and leaves no temporary file, also when the name cannot be written', async () => {
    const dir = tempDir('ptd-out-');
    const r = await runCollector({ shell: argv, cwd: dir, env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toEqual([r.stdout.toString().trim()]);
    // a directory sitting at the exact output name: refused, nothing left behind
    const dir2 = tempDir('ptd-out-');
    mkdirSync(join(dir2, 'b.tgz', 'sub'), { recursive: true });
    const d = await runCollector({ shell: argv, cwd: dir2, args: ['-o', join(dir2, 'b.tgz', 'sub', 'x', 'y.tgz')], env: env() });
    expect(d.code).toBe(1);
    expect(d.stderr).toContain('no such directory');
    expect(readdirSync(join(dir2, 'b.tgz', 'sub'))).toEqual([]);
  });
});
