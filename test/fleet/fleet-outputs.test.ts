/**
 * What a fleet run reads and writes, through the built CLI: it never follows a symbolic link among
 * its inputs (a link `etc.tgz -> /etc` must not make the engineer's /etc a host), host reports
 * never overwrite each other, every CSV field is quoted, summary.json carries no raw bidi or C1
 * character, and the line printed on stdout shows control characters in a path as escapes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundle-from.js';

const CLI = join(ROOT, 'dist', 'bundle', 'main.js');
const SAMPLE = join(ROOT, 'samples', 'lab-group-shared.tgz');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

interface Summary {
  hosts: { name: string; source: string; error: string | null; reportBase: string | null }[];
}

describe('fleet inputs and outputs (built CLI)', () => {
  it('refuses symbolic links among the bundles, by name, and reads nothing through them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-fleet-links-'));
    copyFileSync(SAMPLE, join(dir, 'lab.tgz'));
    symlinkSync('/etc', join(dir, 'etc.tgz'));
    symlinkSync(SAMPLE, join(dir, 'copy.tgz'));
    symlinkSync(join(dir, 'missing'), join(dir, 'dangling.tgz'));
    symlinkSync(join(dir, 'loop.tgz'), join(dir, 'loop.tgz'));
    const out = mkdtempSync(join(tmpdir(), 'ptd-fleet-out-'));
    const r = run('analyze', dir, '-o', out, '--jobs', '1');
    expect(r.status, r.stderr).toBe(1);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    const error = new Map(summary.hosts.map((h) => [h.name, h.error]));
    for (const name of ['copy', 'dangling', 'etc', 'loop'])
      expect(error.get(name)).toBe(`${join(dir, `${name}.tgz`)} is a symbolic link; a fleet run does not follow links`);
    expect(error.get('lab')).toBeNull();
    expect(readdirSync(join(out, 'hosts')).sort()).toEqual(['lab.html', 'lab.json', 'lab.md']);
    const written = readdirSync(out)
      .map((f) => (f === 'hosts' ? '' : readFileSync(join(out, f), 'utf8')))
      .join('');
    expect(written).not.toContain('root:x:0:0');
  });

  it('host reports never collide, also on a case-insensitive file system', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-fleet-names-'));
    for (const n of ['Host A.tgz', 'host_a.tgz', 'host a.tar.gz']) copyFileSync(SAMPLE, join(dir, n));
    const out = mkdtempSync(join(tmpdir(), 'ptd-fleet-out-'));
    expect(run('analyze', dir, '-o', out, '-f', 'json', '--fail-on', 'never').status).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    // sorted file names: 'Host A.tgz', 'host a.tar.gz', 'host_a.tgz'
    expect(summary.hosts.map((h) => [h.name, h.reportBase])).toEqual([
      ['Host_A', 'hosts/Host_A'],
      ['host_a-2', 'hosts/host_a-2'],
      ['host_a-3', 'hosts/host_a-3'],
    ]);
    expect(readdirSync(join(out, 'hosts')).sort()).toEqual(['Host_A.json', 'host_a-2.json', 'host_a-3.json']);
  });

  it('CSV fields are all quoted; summary.json and stdout show no raw control, C1 or bidi character', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-fleet-text-'));
    const odd = 'h\u202etxt.gpj,"=cmd|x"\u009b31m.tgz';
    copyFileSync(SAMPLE, join(dir, odd));
    copyFileSync(SAMPLE, join(dir, 'plain.tgz'));
    const out = join(mkdtempSync(join(tmpdir(), 'ptd-fleet-out-')), 'out\u001b[2J');
    const r = run('analyze', dir, '-o', out, '--fail-on', 'never');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(
      `2 hosts, 0 could not be analyzed; summary in ${out.replace('\u001b', '\\x1b')}/summary.html (.md, .json, .csv)\n`,
    );
    const csv = readFileSync(join(out, 'summary.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('"host","source","status","rule","severity","subject"');
    for (const line of csv) expect(line).toMatch(/^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*"){5}$/);
    expect(csv.some((l) => l.includes(`"${join(dir, 'h\\u202etxt.gpj,""=cmd|x""\\x9b31m.tgz')}"`))).toBe(true);
    const json = readFileSync(join(out, 'summary.json'), 'utf8');
    expect(json).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(json).toContain('h\\u202etxt.gpj');
    const summary = JSON.parse(json) as Summary;
    expect(summary.hosts.map((h) => h.source)).toContain(join(dir, odd));
  });
});
