/**
 * The in-memory tar walk (src/bundle/tar-whole.ts) against archives made by GNU tar, in each
 * format it writes, and by BusyBox tar (the collector's tar on minimal hosts): it reads them
 * entry by entry as written, and a small bundle read through it is the bundle the stream reader
 * makes of the same bytes. What it leaves to the stream (v7 headers, a global pax header, a
 * damaged checksum, a cut archive, bytes after the end) gives the same bundle or error too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { LIMITS } from '../../src/bundle/limits.js';
import { readArchiveStream, readBundleBuffer } from '../../src/bundle/read-bundle.js';
import { tarEntriesWhole } from '../../src/bundle/tar-whole.js';
import { bundleShape } from '../helpers/bundle-shape.js';

const DEVICE_DIR = `bundle/sys/bus/pci/devices/0000:00:01.0/${'d'.repeat(60)}/${'e'.repeat(70)}`;
/** 197 characters: ustar stores it split into prefix and name. */
const PREFIXED = `${DEVICE_DIR}/${'f'.repeat(25)}`;
/** 262 characters: past ustar's 256, a GNU long name or a pax path. */
const LONGEST = `${DEVICE_DIR}/${'g'.repeat(90)}`;

let dir: string;
const tarOf = (args: string[], cwd = join(dir, 'tree')): Buffer => {
  const out = join(dir, 'out.tar');
  execFileSync(args[0] as string, [...args.slice(1), '-f', out, 'bundle'], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  return readFileSync(out);
};
const gnuTar = (format: string, ...extra: string[]): Buffer => tarOf(['tar', `--format=${format}`, ...extra, '-c']);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ptdoctor-tar-whole-'));
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, DEVICE_DIR), { recursive: true });
  mkdirSync(join(tree, 'bundle/proc'));
  writeFileSync(join(tree, 'bundle/manifest.json'), '{"schemaVersion":1}');
  writeFileSync(join(tree, 'bundle/proc/cmdline'), 'BOOT_IMAGE=/vmlinuz intel_iommu=on\n');
  writeFileSync(join(tree, 'bundle/exact512'), 'x'.repeat(512));
  writeFileSync(join(tree, 'bundle/empty'), '');
  writeFileSync(join(tree, 'bundle/grüße'), 'ü\n');
  writeFileSync(join(tree, PREFIXED), 'prefixed\n');
  writeFileSync(join(tree, LONGEST), 'longest\n');
  symlinkSync('../manifest.json', join(tree, 'bundle/proc/link'));
  linkSync(join(tree, 'bundle/manifest.json'), join(tree, 'bundle/hard'));
  execFileSync('mkfifo', [join(tree, 'bundle/fifo')]);
  // v7 headers hold neither FIFOs nor names past 99 characters
  mkdirSync(join(dir, 'small/bundle/proc'), { recursive: true });
  writeFileSync(join(dir, 'small/bundle/manifest.json'), '{"schemaVersion":1}');
  writeFileSync(join(dir, 'small/bundle/proc/cmdline'), 'ro\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const streamed = (tar: Buffer) => readArchiveStream(Readable.from([tar]), 'tar', 'x.tgz', LIMITS, tar.length, 'tgz');
const whole = (tar: Buffer) => readBundleBuffer(gzipSync(tar), 'x.tgz');
const outcome = (p: ReturnType<typeof whole>) => p.then(bundleShape, (e: unknown) => `error: ${String(e)}`);

const ARCHIVES: Record<string, () => Buffer> = {
  'GNU tar, gnu format': () => gnuTar('gnu'),
  'GNU tar, oldgnu format': () => gnuTar('oldgnu'),
  'GNU tar, ustar format': () => gnuTar('ustar', `--exclude=${LONGEST}`),
  'GNU tar, pax format': () => gnuTar('pax'),
  'BusyBox tar': () => tarOf(['busybox', 'tar', '-c']),
};

describe('archives walked in memory', () => {
  it.each(Object.keys(ARCHIVES))('%s: every entry, as written', (label) => {
    const entries = tarEntriesWhole((ARCHIVES[label] as () => Buffer)());
    expect(entries).not.toBeNull();
    const byName = new Map(entries?.map((e) => [e.name, e]));
    const text = (name: string) => byName.get(name)?.data.toString('utf8');
    expect(byName.get('bundle/proc/cmdline')?.type).toBe('file');
    expect(text('bundle/proc/cmdline')).toBe('BOOT_IMAGE=/vmlinuz intel_iommu=on\n');
    expect(text('bundle/exact512')).toBe('x'.repeat(512));
    expect(text('bundle/empty')).toBe('');
    expect(text('bundle/grüße')).toBe('ü\n');
    expect(text(PREFIXED)).toBe('prefixed\n');
    expect(text(LONGEST)).toBe(label.includes('ustar') ? undefined : 'longest\n');
    expect(byName.get('bundle/proc/link')).toMatchObject({ type: 'symlink', linkname: '../manifest.json' });
    expect(byName.get('bundle/hard')).toMatchObject({ type: 'link', linkname: 'bundle/manifest.json' });
    expect(byName.get('bundle/fifo')?.type).toBe('fifo');
    expect(byName.get(`${DEVICE_DIR}/`)?.type).toBe('directory');
  });

  it.each(Object.keys(ARCHIVES))('%s: the same bundle as the stream reader makes', async (label) => {
    const tar = (ARCHIVES[label] as () => Buffer)();
    const bundle = await whole(tar);
    expect(bundleShape(bundle)).toEqual(bundleShape(await streamed(tar)));
    // read by hand: the top directory is stripped, links and the FIFO are named with why
    expect(bundle.files.get(PREFIXED.slice('bundle/'.length))?.bytes.toString()).toBe('prefixed\n');
    expect(bundle.skipped).toContainEqual({
      name: 'bundle/proc/link',
      reason: 'symlink entry -> ../manifest.json (only regular files are read)',
    });
    expect(bundle.skipped).toContainEqual({ name: 'bundle/fifo', reason: 'fifo entry (only regular files are read)' });
  });

  it('a name stored twice (GNU tar -r): the first copy, as the stream reader keeps it', async () => {
    const out = join(dir, 'twice.tar');
    execFileSync('tar', ['--format=gnu', '-cf', out, 'bundle/proc/cmdline'], { cwd: join(dir, 'tree') });
    execFileSync('tar', ['--format=gnu', '-rf', out, 'bundle/proc/cmdline'], { cwd: join(dir, 'tree') });
    const tar = readFileSync(out);
    expect(tarEntriesWhole(tar)?.map((e) => e.name)).toEqual(['bundle/proc/cmdline', 'bundle/proc/cmdline']);
    const bundle = await whole(tar);
    expect(bundle.skipped).toEqual([{ name: 'bundle/proc/cmdline', reason: 'duplicate name (the first copy is used)' }]);
    expect(bundleShape(bundle)).toEqual(bundleShape(await streamed(tar)));
  });
});

describe('archives left to the stream reader', () => {
  const gnu = () => gnuTar('gnu');
  const LEFT: Record<string, () => Buffer> = {
    'v7 headers (GNU tar --format=v7)': () => tarOf(['tar', '--format=v7', '-c'], join(dir, 'small')),
    'a global pax header (GNU tar --pax-option comment=…)': () => gnuTar('pax', '--pax-option=comment=made-by-ptdoctor-tests'),
    'a header whose checksum no longer matches': () => {
      const tar = Buffer.from(gnu());
      // the second header's name: the first entry is the top directory, with no data
      tar[512 + 10] = (tar[512 + 10] as number) ^ 0x20;
      return tar;
    },
    'an archive cut inside an entry': () => gnu().subarray(0, 512 * 6 + 100),
    'bytes after the archive that make no header': () => Buffer.concat([gnu(), Buffer.from('trailing\n')]),
  };
  it.each(Object.keys(LEFT))('%s: not walked, and the bundle (or error) is the stream reader’s', async (label) => {
    const tar = (LEFT[label] as () => Buffer)();
    expect(tarEntriesWhole(tar)).toBeNull();
    expect(await outcome(whole(tar))).toEqual(await outcome(streamed(tar)));
  });
});

describe('damaged archives, at random', () => {
  // any byte of a real archive changed (headers most of all), or the archive cut anywhere:
  // walked or left to the stream, the answer is the stream reader's
  it('changed bytes', async () => {
    const tar = gnuTar('pax');
    const blocks = tar.length / 512;
    const change = fc.record({
      block: fc.nat(blocks - 1),
      at: fc.oneof(fc.nat(511), fc.constantFrom(124, 135, 148, 156, 257, 263, 345)),
      byte: fc.nat(255),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const damaged = Buffer.from(tar);
        for (const c of changes) damaged[c.block * 512 + c.at] = c.byte;
        expect(await outcome(whole(damaged))).toEqual(await outcome(streamed(damaged)));
      }),
      { numRuns: 300 },
    );
  });
  it('cut anywhere', async () => {
    const tar = tarOf(['busybox', 'tar', '-c']);
    await fc.assert(
      fc.asyncProperty(fc.nat(tar.length - 1), async (length) => {
        const cut = tar.subarray(0, length);
        expect(await outcome(whole(cut))).toEqual(await outcome(streamed(cut)));
      }),
      { numRuns: 200 },
    );
  });
});
