/**
 * The reader's keep budget, in process with small limits: manifest.json is never starved by the
 * evidence listed before it, only the manifest that will be read is kept outside the budget
 * (other files named manifest.json are charged like evidence: 60 of them once held 1 GB), and
 * lines are a budget as well as bytes (a file of bare newlines costs a parser record per byte).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepPrefix } from '../../src/bundle/keep-budget.js';
import { LIMITS } from '../../src/bundle/limits.js';
import { readBundleBuffer } from '../../src/bundle/read-bundle.js';
import { readBundleDirectory } from '../../src/bundle/read-directory.js';
import { splitLines } from '../../src/parsers/lines.js';
import { makeTgz } from '../helpers/make-archive.js';

const MANIFEST = '{"schemaVersion":1}';

describe('reader keep budget', () => {
  it('reads manifest.json whole after evidence has used up the kept-bytes total', async () => {
    const limits = { ...LIMITS, maxKeptBytes: 1000 };
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'ptdoctor-h/commands/dmesg.out', body: 'x'.repeat(5000) },
        { name: 'ptdoctor-h/manifest.json', body: MANIFEST },
      ]),
      'x.tgz',
      limits,
    );
    expect(b.files.get('commands/dmesg.out')).toMatchObject({ truncated: true });
    expect(b.files.get('commands/dmesg.out')?.bytes.length).toBe(1000);
    expect(b.files.get('manifest.json')?.bytes.toString()).toBe(MANIFEST);
    expect(b.files.get('manifest.json')?.truncated).toBe(false);
  });

  it('cuts an entry after its last full line at the line cap and marks it truncated', async () => {
    const limits = { ...LIMITS, maxEntryLines: 10 };
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'manifest.json', body: MANIFEST },
        { name: 'commands/dmesg.out', body: 'line\n'.repeat(50) },
        { name: 'proc/cmdline', body: 'ro quiet\n' },
      ]),
      'x.tgz',
      limits,
    );
    expect(b.files.get('commands/dmesg.out')?.bytes.toString()).toBe('line\n'.repeat(10));
    expect(b.files.get('commands/dmesg.out')?.truncated).toBe(true);
    expect(b.files.get('proc/cmdline')).toMatchObject({ truncated: false });
  });

  it('caps lines over all entries; bare newlines count', async () => {
    const limits = { ...LIMITS, maxKeptLines: 25 };
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'a', body: '\n'.repeat(20) },
        { name: 'b', body: '\n'.repeat(20) },
        { name: 'c', body: 'x\n' },
      ]),
      'x.tgz',
      limits,
    );
    expect(b.files.get('a')).toMatchObject({ truncated: false });
    expect(b.files.get('b')?.bytes.length).toBe(5);
    expect(b.files.get('b')?.truncated).toBe(true);
    expect(b.files.get('c')).toMatchObject({ truncated: true });
  });

  it('applies the same budget to an unpacked directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-budget-'));
    mkdirSync(join(dir, 'commands'));
    writeFileSync(join(dir, 'commands', 'dmesg.out'), 'line\n'.repeat(50));
    writeFileSync(join(dir, 'manifest.json'), MANIFEST);
    const b = await readBundleDirectory(dir, { ...LIMITS, maxEntryLines: 10, maxKeptBytes: 100 });
    expect(b.files.get('commands/dmesg.out')?.bytes.toString()).toBe('line\n'.repeat(10));
    expect(b.files.get('commands/dmesg.out')?.truncated).toBe(true);
    expect(b.files.get('manifest.json')?.bytes.toString()).toBe(MANIFEST);
  });

  it('charges decoy manifests to the kept total: archive', async () => {
    const limits = { ...LIMITS, maxKeptBytes: 1000, maxEntryBytes: 800 };
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'manifest.json', body: MANIFEST },
        { name: 'd0/manifest.json', body: 'a'.repeat(800) },
        { name: 'd1/manifest.json', body: 'b'.repeat(800) },
        { name: 'proc/cmdline', body: 'ro quiet\n' },
      ]),
      'x.tgz',
      limits,
    );
    expect(b.files.get('manifest.json')).toMatchObject({ truncated: false });
    expect(b.files.get('d0/manifest.json')).toMatchObject({ truncated: false });
    expect(b.files.get('d1/manifest.json')?.bytes.toString()).toBe('b'.repeat(200));
    expect(b.files.get('d1/manifest.json')?.truncated).toBe(true);
    expect(b.files.get('proc/cmdline')).toMatchObject({ truncated: true });
    expect(b.files.get('proc/cmdline')?.bytes.length).toBe(0);
  });

  it('charges decoy manifests to the kept total: directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-budget-'));
    for (const d of ['d0', 'd1', 'proc']) mkdirSync(join(dir, d));
    writeFileSync(join(dir, 'd0', 'manifest.json'), 'a'.repeat(800));
    writeFileSync(join(dir, 'd1', 'manifest.json'), 'b'.repeat(800));
    writeFileSync(join(dir, 'manifest.json'), MANIFEST);
    writeFileSync(join(dir, 'proc', 'cmdline'), 'ro quiet\n');
    const b = await readBundleDirectory(dir, { ...LIMITS, maxKeptBytes: 1000, maxEntryBytes: 800 });
    // d0 is the candidate until d1 shows two top directories; then both are charged
    expect(b.files.get('d0/manifest.json')).toMatchObject({ truncated: false });
    expect(b.files.get('d1/manifest.json')?.bytes.toString()).toBe('b'.repeat(200));
    expect(b.files.get('manifest.json')?.bytes.toString()).toBe(MANIFEST);
    expect(b.files.get('proc/cmdline')).toMatchObject({ truncated: true });
  });

  it('a directory stops at the entry limit, like an archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-budget-'));
    for (let i = 0; i < 10; i += 1) writeFileSync(join(dir, `f${i}`), 'x');
    await expect(readBundleDirectory(dir, { ...LIMITS, maxEntries: 5 })).rejects.toThrow(new RegExp(`^${dir}: more than 5 entries$`));
  });

  it('a candidate manifest that stops being usable is charged, and cut to what is left', async () => {
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'top/a', body: 'x'.repeat(900) },
        { name: 'top/manifest.json', body: 'm'.repeat(600) },
        { name: 'other/b', body: 'y'.repeat(10) },
      ]),
      'x.tgz',
      { ...LIMITS, maxKeptBytes: 1000 },
    );
    expect(b.files.get('top/a')).toMatchObject({ truncated: false });
    expect(b.files.get('top/manifest.json')?.bytes.toString()).toBe('m'.repeat(100));
    expect(b.files.get('top/manifest.json')?.truncated).toBe(true);
    expect(b.files.get('other/b')?.bytes.length).toBe(0);
  });

  it("the parsers' line cap: a line longer than 1 MiB is cut, the lines after it keep their numbers", () => {
    const lines = splitLines(`${'x'.repeat(3 * 1024 ** 2)}\nnext\n`);
    expect(lines.map((l) => [l.line, l.text.length])).toEqual([
      [1, 1024 ** 2],
      [2, 4],
    ]);
  });

  it('keepPrefix: byte cap, line cap, and no newline at all', () => {
    const buf = Buffer.from('ab\ncd\nef\n');
    expect(keepPrefix(buf, Infinity, Infinity)).toEqual({ take: 9, lines: 3 });
    expect(keepPrefix(buf, 4, Infinity)).toEqual({ take: 4, lines: 1 });
    expect(keepPrefix(buf, Infinity, 2)).toEqual({ take: 6, lines: 2 });
    expect(keepPrefix(buf, Infinity, 0)).toEqual({ take: 0, lines: 0 });
    expect(keepPrefix(Buffer.from('no newline'), Infinity, 0)).toEqual({ take: 10, lines: 0 });
  });
});
