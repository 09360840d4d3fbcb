/**
 * Loose evidence through the command line: text files, a directory of them, stdin (built CLI),
 * the reports' "what was read" part, and the one-line refusals (bundle and text mixed, binary,
 * too large, nothing to read).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/bundle/limits.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ReportJson } from '../../src/report/json-report.js';
import { ROOT } from '../helpers/bundle-from.js';

const CASES = join(ROOT, 'test', 'real-cases', 'cases');
const kholia = join(CASES, 'github-kholia-osx-kvm-notes-rx580-vfio-healthy');
const CLI = join(ROOT, 'dist', 'bundle', 'main.js');

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, stderrIsTty: false, cwd: ROOT, env: {} };
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const t = io();
  const code = await main(args, t);
  return { code, out: t.out.join(''), err: t.err.join('') };
}

describe('ptdoctor analyze with loose evidence', () => {
  it('reads text files as one host and reports what each was read as (JSON)', async () => {
    const r = await run(
      'analyze',
      join(kholia, 'lspci-nnk-grep-amd.txt'),
      join(kholia, 'iommu-groups.txt'),
      '-f',
      'json',
      '--fail-on',
      'never',
    );
    expect(r.code).toBe(0);
    const json = ReportJson.parse(JSON.parse(r.out));
    expect(json.bundle.collector).toBeNull();
    expect(json.bundle.inputs?.map((p) => [p.input.slice(p.input.lastIndexOf('/') + 1), p.first, p.last, p.readAs, p.evidence])).toEqual([
      ['lspci-nnk-grep-amd.txt', 2, 3, 'lspci -nn', 'lspci-nnk'],
      ['iommu-groups.txt', 2, 7, 'IOMMU group listing (a header per group)', 'iommu-groups'],
    ]);
    expect(json.evidence.map((e) => e.id).sort()).toEqual(['iommu-groups', 'lspci-nnk']);
  });

  it('shows what was read in the terminal summary, Markdown and HTML, not-recognised text included', async () => {
    const session = join(CASES, 'github-kubevirt-kubevirt-8472-memlock-gpu', 'comment-dmesg-ulimit.txt');
    const text = await run('analyze', session, '--fail-on', 'never');
    expect(text.out).toMatch(/Read as \(loose evidence: 1 input, 1 piece recognised, 1 not recognised\):/);
    expect(text.out).toMatch(/comment-dmesg-ulimit\.txt:2 +dmesg -H/);
    expect(text.out).toMatch(/comment-dmesg-ulimit\.txt:5–20 +not recognised — first line: core file size/);
    const dir = mkdtempSync(join(tmpdir(), 'ptd-loose-'));
    await run('analyze', session, '-f', 'md', '-f', 'html', '-o', join(dir, 'r'), '--fail-on', 'never');
    const md = readFileSync(join(dir, 'r.md'), 'utf8');
    expect(md).toContain('## What was read');
    expect(md).toMatch(/lines 5–20 under `ulimit -a`: \*\*not recognised\*\*/);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<section id="inputs"');
    expect(html).toContain('<td>dmesg -H</td>');
  });

  it('reads a directory of text files as one host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-loose-dir-'));
    for (const f of ['dmesg-grep-iommu.txt', 'etc-modprobe-vfio-conf.txt', 'lspci-nkk-d-1002-67df.txt'])
      copyFileSync(join(kholia, f), join(dir, f));
    const r = await run('analyze', dir, '-f', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const json = ReportJson.parse(JSON.parse(r.out));
    expect(json.bundle.inputs?.map((p) => p.readAs)).toEqual(['dmesg', '/etc/modprobe.d/vfio.conf', 'lspci -nk']);
  });

  it('refuses bundles and text together, binary data and oversize text with one line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-loose-bad-'));
    const mix = await run('analyze', join(ROOT, 'samples', 'lab-group-shared.tgz'), join(kholia, 'iommu-groups.txt'));
    expect(mix.code).toBe(2);
    expect(mix.err).toMatch(
      /^ptdoctor: give bundles or one host's loose text files, not both: .*lab-group-shared\.tgz is a bundle, .*iommu-groups\.txt is text\n$/,
    );
    writeFileSync(join(dir, 'capture.txt'), Buffer.from([0x5b, 0x20, 0x00, 0x01, 0xff, 0xfe, 0x0a]));
    const binary = await run('analyze', join(dir, 'capture.txt'));
    expect(binary.code).toBe(2);
    expect(binary.err).toMatch(/^ptdoctor: .*capture\.txt is not a gzip or tar archive, nor text \(binary data\)\n$/);
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(LIMITS.maxEntryBytes + 1, 'a'));
    const huge = await run('analyze', join(dir, 'huge.txt'));
    expect(huge.code).toBe(2);
    expect(huge.err).toMatch(/^ptdoctor: .*huge\.txt is larger than 16777216 bytes, the limit for one piece of evidence\n$/);
    writeFileSync(join(dir, 'blank.txt'), '\n\n');
    const blank = await run('analyze', join(dir, 'blank.txt'));
    expect(blank.code).toBe(2);
    expect(blank.err).toMatch(/^ptdoctor: nothing to analyze: .*blank\.txt hold no text\n$/);
  });

  it('skips binary files in a directory of text files and lists them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-loose-mixed-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(join(kholia, 'iommu-groups.txt'), join(dir, 'groups.txt'));
    writeFileSync(join(dir, 'screenshot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
    const r = await run('analyze', dir, '-f', 'json', '--fail-on', 'never');
    const json = ReportJson.parse(JSON.parse(r.out));
    expect(json.bundle.inputs?.map((p) => [p.input.slice(dir.length + 1), p.readAs, p.note])).toEqual([
      ['groups.txt', 'IOMMU group listing (a header per group)', null],
      ['screenshot.png', null, 'binary data, not read'],
    ]);
  });
});

describe('loose evidence through the built CLI', () => {
  it('reads a paste from stdin', () => {
    const paste = readFileSync(join(CASES, 'github-pcengines-apu2-documentation-236-group-not-viable', 'dmesg-iommu.txt'));
    const r = spawnSync(process.execPath, [CLI, 'analyze', '-', '-f', 'json', '--fail-on', 'never'], { input: paste, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = ReportJson.parse(JSON.parse(r.stdout));
    expect(json.bundle.source).toBe('stdin');
    expect(json.bundle.inputs).toEqual([
      {
        input: 'stdin',
        first: 2,
        last: 15,
        command: 'dmesg | grep -i iommu',
        kind: 'kernel-log',
        readAs: 'dmesg',
        evidence: 'dmesg',
        note: expect.stringContaining('filter') as unknown,
      },
    ]);
  });

  it('reads files and a directory, and refuses a mix, with the exit codes of bundles', () => {
    const files = spawnSync(
      process.execPath,
      [CLI, 'analyze', join(kholia, 'iommu-groups.txt'), join(kholia, 'lspci-nkk-d-1002-67df.txt')],
      { encoding: 'utf8' },
    );
    expect([0, 1]).toContain(files.status);
    expect(files.stdout).toMatch(/Read as \(loose evidence: 2 inputs, 2 pieces recognised\):/);
    const mix = spawnSync(process.execPath, [CLI, 'analyze', join(ROOT, 'samples', 'lab-group-shared.tgz'), '-'], {
      input: 'x',
      encoding: 'utf8',
    });
    expect(mix.status).toBe(2);
    expect(mix.stderr).toMatch(/^ptdoctor: give bundles or one host's loose text files, not both: .* is a bundle, - \(stdin\) is text\n$/);
  });
});
