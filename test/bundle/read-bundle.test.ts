import { describe, expect, it } from 'vitest';
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { BundleError } from '../../src/bundle/bundle-error.js';
import { LIMITS } from '../../src/bundle/limits.js';
import { readArchiveStream, readBundleBuffer, readBundleFile } from '../../src/bundle/read-bundle.js';
import { ROOT } from '../helpers/bundle-from.js';
import { bundleShape } from '../helpers/bundle-shape.js';
import { makeTar, makeTgz } from '../helpers/make-archive.js';
// @ts-expect-error plain .mjs script carries no types
import { packTree } from '../../scripts/pack-tree.mjs';

const MANIFEST = '{"schemaVersion":1}';

describe('readBundleBuffer', () => {
  it('keeps regular files and strips the single top directory', async () => {
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'ptdoctor-h-1/', type: 'directory' },
        { name: 'ptdoctor-h-1/manifest.json', body: MANIFEST },
        { name: 'ptdoctor-h-1/proc/cmdline', body: 'BOOT_IMAGE=/vmlinuz ro\n' },
      ]),
      'x.tgz',
    );
    expect(b.root).toBe('ptdoctor-h-1');
    expect([...b.files.keys()].sort()).toEqual(['manifest.json', 'proc/cmdline']);
    expect(b.skipped).toEqual([]);
  });

  it('reads a plain tar too', async () => {
    const b = await readBundleBuffer(await makeTar([{ name: 'manifest.json', body: MANIFEST }]), 'x.tar');
    expect(b.format).toBe('tar');
    expect(b.root).toBeNull();
  });

  it('refuses traversal, absolute names, links and devices, recording why', async () => {
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'manifest.json', body: MANIFEST },
        { name: '../../etc/passwd', body: 'x' },
        { name: '/etc/shadow', body: 'x' },
        { name: 'a/../../b', body: 'x' },
        { name: 'etc', type: 'symlink', linkname: '/etc' },
        { name: 'hard', type: 'link', linkname: '/etc/passwd' },
        { name: 'dev/sda', type: 'block-device' },
        { name: 'fifo', type: 'fifo' },
        { name: 'C:..\\x', body: 'x' },
        { name: 'esc\u001b]52;c;aGk=\u0007', body: 'x' },
      ]),
      'x.tgz',
    );
    expect([...b.files.keys()]).toEqual(['manifest.json']);
    const reasons = Object.fromEntries(b.skipped.map((s) => [s.name, s.reason]));
    expect(reasons['../../etc/passwd']).toMatch(/\.\./);
    expect(reasons['/etc/shadow']).toMatch(/absolute/);
    expect(reasons['a/../../b']).toMatch(/\.\./);
    expect(reasons.etc).toMatch(/symlink/);
    expect(reasons.hard).toMatch(/link/);
    expect(reasons['dev/sda']).toMatch(/block-device/);
    expect(reasons.fifo).toMatch(/fifo/);
    expect(reasons['C:..\\x']).toBeDefined();
    expect(reasons['esc\u001b]52;c;aGk=\u0007']).toMatch(/control/);
  });

  it('reports duplicates and keeps the first copy', async () => {
    const b = await readBundleBuffer(
      await makeTgz([
        { name: 'manifest.json', body: MANIFEST },
        { name: 'proc/cmdline', body: 'first' },
        { name: './proc//cmdline', body: 'second' },
      ]),
      'x.tgz',
    );
    expect(b.files.get('proc/cmdline')?.bytes.toString()).toBe('first');
    expect(b.skipped).toEqual([{ name: './proc//cmdline', reason: 'duplicate name (the first copy is used)' }]);
  });

  it('keeps only the first maxEntryBytes of an entry and marks it truncated', async () => {
    const limits = { ...LIMITS, maxEntryBytes: 1000 };
    const b = await readBundleBuffer(await makeTgz([{ name: 'commands/dmesg.out', body: 'x'.repeat(5000) }]), 'x.tgz', limits);
    const f = b.files.get('commands/dmesg.out');
    expect(f?.bytes.length).toBe(1000);
    expect(f?.truncated).toBe(true);
  });

  it('stops a gzip bomb at the inflated limit with one line', async () => {
    const limits = { ...LIMITS, maxInflatedBytes: 8 * 1024 * 1024, ratioGraceBytes: 1024 ** 3 };
    const bomb = gzipSync(await makeTar([{ name: 'zeros', body: Buffer.alloc(32 * 1024 * 1024) }]));
    await expect(readBundleBuffer(bomb, 'bomb.tgz', limits)).rejects.toThrow(/inflates past/);
  });

  it('stops a high-ratio archive at the ratio limit', async () => {
    const limits = { ...LIMITS, ratioGraceBytes: 1024 * 1024 };
    const bomb = gzipSync(await makeTar([{ name: 'zeros', body: Buffer.alloc(16 * 1024 * 1024) }]));
    await expect(readBundleBuffer(bomb, 'bomb.tgz', limits)).rejects.toThrow(/decompression bomb/);
  });

  it('refuses an input file over the size limit before reading it', async () => {
    const sample = join(ROOT, 'samples', 'lab-group-shared.tgz');
    await expect(readBundleFile(sample, { ...LIMITS, maxInputBytes: 1000 })).rejects.toThrow(
      new RegExp(`^${sample} is larger than 1000 bytes$`),
    );
  });

  it('stops at the entry-count limit', async () => {
    const limits = { ...LIMITS, maxEntries: 50 };
    const entries = Array.from({ length: 60 }, (_, i) => ({ name: `f${i}`, body: '' }));
    await expect(readBundleBuffer(await makeTgz(entries), 'many.tgz', limits)).rejects.toThrow(/more than 50 entries/);
  });

  it('gives a partial bundle when the archive is cut after some files', async () => {
    const tar = await makeTar([
      { name: 'manifest.json', body: MANIFEST },
      { name: 'proc/cmdline', body: 'ro\n' },
      { name: 'commands/dmesg.out', body: 'y'.repeat(200_000) },
    ]);
    const b = await readBundleBuffer(tar.subarray(0, 4096), 'cut.tar');
    expect(b.lost).toMatch(/truncated/);
    expect(b.files.has('manifest.json')).toBe(true);
    expect(b.files.has('commands/dmesg.out')).toBe(false);
  });

  it('rejects what is not a bundle with one line naming the problem', async () => {
    await expect(readBundleBuffer(Buffer.from('PK\u0003\u0004rest of a zip'), 'x.tgz')).rejects.toThrow(/zip archive/);
    await expect(readBundleBuffer(Buffer.alloc(0), 'x.tgz')).rejects.toThrow(/empty/);
    await expect(readBundleBuffer(Buffer.from('random bytes, not an archive at all'), 'x.tgz')).rejects.toThrow(/not a gzip or tar/);
    const tgz = await makeTgz([{ name: 'manifest.json', body: MANIFEST }]);
    const err = await readBundleBuffer(tgz.subarray(0, 20), 'x.tgz').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect(String((err as Error).message)).toMatch(/truncated|corrupt/);
    expect(String((err as Error).message)).not.toContain('\n');
  });

  it('a source that fails (a file gone before it is opened, a directory read as a file) gives one line', async () => {
    for (const kind of ['tgz', 'txz', 'tar'] as const) {
      const gone = await readArchiveStream(createReadStream(join(tmpdir(), 'ptdoctor-no-such-bundle.tgz')), kind, 'gone.tgz').catch(
        (e: unknown) => e,
      );
      expect(gone).toBeInstanceOf(BundleError);
      expect(String((gone as Error).message)).toMatch(/^gone\.tgz: archive could not be read \(ENOENT/);
      const dir = await readArchiveStream(createReadStream(tmpdir()), kind, 'dir.tgz').catch((e: unknown) => e);
      expect(dir).toBeInstanceOf(BundleError);
      expect(String((dir as Error).message)).toMatch(/^dir\.tgz: archive could not be read \(EISDIR/);
    }
  });
});

describe('small archives read whole', () => {
  const streamed = (bytes: Buffer, source: string) => readArchiveStream(Readable.from([bytes]), 'tgz', source, LIMITS, bytes.length);
  it('samples/lab-group-shared.tgz, read from its file: the same bundle as read through the stream', async () => {
    const path = join(ROOT, 'samples', 'lab-group-shared.tgz');
    expect(bundleShape(await readBundleFile(path))).toEqual(bundleShape(await streamed(readFileSync(path), path)));
  });

  const TREES = readdirSync(join(ROOT, 'samples'), { withFileTypes: true }).filter((d) => d.isDirectory());
  it.each(TREES.map((d) => d.name))('%s, packed: the same bundle as read through the stream', async (name) => {
    const tgz = (await packTree(join(ROOT, 'samples', name, 'evidence'), `ptdoctor-${name}`)) as Buffer;
    expect(bundleShape(await readBundleBuffer(tgz, name))).toEqual(bundleShape(await streamed(tgz, name)));
  });

  it('a small archive whose gzip trailer is damaged is read by the stream, as before (its files up to the damage)', async () => {
    const tgz = await makeTgz([
      { name: 'manifest.json', body: MANIFEST },
      { name: 'proc/cmdline', body: 'ro\n' },
    ]);
    const damaged = Buffer.from(tgz);
    damaged.writeUInt32LE((damaged.readUInt32LE(damaged.length - 8) ^ 0xffffffff) >>> 0, damaged.length - 8);
    const whole = await readBundleBuffer(damaged, 'crc.tgz').then(bundleShape, (e: unknown) => String(e));
    expect(whole).toEqual(await streamed(damaged, 'crc.tgz').then(bundleShape, (e: unknown) => String(e)));
  });
});
