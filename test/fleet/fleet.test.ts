/**
 * Fleet runs and diffs through the built CLI (worker threads load dist/): several real lab
 * bundles plus a broken one give per-host reports and one summary; the broken bundle is listed,
 * the others are analyzed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script carries no types
import { packTree } from '../../scripts/pack-tree.mjs';
import { ROOT } from '../helpers/bundle-from.js';

const CLI = join(ROOT, 'dist', 'bundle', 'main.js');

async function packSample(name: string, dir: string): Promise<string> {
  const path = join(dir, `${name}.tgz`);
  writeFileSync(path, (await packTree(join(ROOT, 'samples', name, 'evidence'), `ptdoctor-${name}`)) as Buffer);
  return path;
}

describe('fleet and diff (built CLI)', () => {
  it('summarizes a directory of bundles on two workers, reporting the broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-fleet-in-'));
    for (const s of ['lab-intel-healthy', 'lab-group-shared', 'lab-intel-firmware-off']) await packSample(s, dir);
    writeFileSync(join(dir, 'broken.tgz'), 'this is not a bundle');
    const out = mkdtempSync(join(tmpdir(), 'ptd-fleet-out-'));
    const r = spawnSync(process.execPath, [CLI, 'analyze', dir, '-o', out, '--jobs', '2'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['hosts', 'summary.csv', 'summary.html', 'summary.json', 'summary.md']);
    expect(
      readdirSync(join(out, 'hosts'))
        .filter((f) => f.endsWith('.html'))
        .sort(),
    ).toEqual(['lab-group-shared.html', 'lab-intel-firmware-off.html', 'lab-intel-healthy.html']);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      hosts: { name: string; error: string | null }[];
      byRule: { ruleId: string; hosts: string[] }[];
    };
    expect(summary.hosts.find((h) => h.name === 'broken')?.error).toMatch(/not a gzip or tar archive/);
    expect(summary.byRule.find((b) => b.ruleId === 'group-not-viable')?.hosts).toEqual(['lab-group-shared']);
    expect(summary.byRule.find((b) => b.ruleId === 'iommu-firmware-disabled')?.hosts).toEqual(['lab-intel-firmware-off']);
    expect(readFileSync(join(out, 'summary.csv'), 'utf8')).toContain('lab-group-shared');
    // --fail-on applies per host as for one bundle; one-bundle options are refused for a fleet
    expect(
      spawnSync(process.execPath, [CLI, 'analyze', dir, '-o', mkdtempSync(join(tmpdir(), 'ptd-fleet-out-')), '--fail-on', 'never'], {
        encoding: 'utf8',
      }).status,
    ).toBe(0);
    const refused = spawnSync(process.execPath, [CLI, 'analyze', dir, '-o', out, '--dump-facts', join(out, 'f.json')], {
      encoding: 'utf8',
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^ptdoctor: --rules and --dump-facts work on one bundle at a time/);
  });

  it('diff of a host before and after its reboot lists the fixed finding', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-diff-'));
    const before = await packSample('lab-reboot-pending', dir);
    const after = await packSample('lab-intel-healthy', dir);
    const r = spawnSync(process.execPath, [CLI, 'diff', before, after, '-f', 'json', '--fail-on', 'never'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout) as { fixed: { ruleId: string }[]; introduced: unknown[]; cmdline: { added: string[] } };
    expect(d.fixed.map((f) => f.ruleId)).toContain('reboot-pending');
    expect(d.introduced).toEqual([]);
    expect(d.cmdline.added).toEqual(expect.arrayContaining(['intel_iommu=on']));
    copyFileSync(before, join(dir, 'copy.tgz'));
    expect(spawnSync(process.execPath, [CLI, 'diff', before, join(dir, 'copy.tgz')], { encoding: 'utf8' }).stdout).toMatch(
      /^0 fixed, \d+ remaining, 0 new/,
    );
  });
});
