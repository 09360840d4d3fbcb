/**
 * What an xz stream needs that the decoder lacks, named from its headers before decoding. The
 * streams are this machine's xz output for the real lab bundle's tar, one option each, so each
 * header is exactly what xz writes; the one reserved check id no xz writes is set by hand in a
 * real header. Then the same streams through the reader: one line, naming the need.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBundleBuffer } from '../../src/bundle/read-bundle.js';
import { xzUnsupported } from '../../src/bundle/xz-header.js';
import { ROOT } from '../helpers/bundle-from.js';

const TAR = gunzipSync(readFileSync(join(ROOT, 'samples', 'lab-group-shared.tgz')));
const xz = (...options: string[]): Buffer => execFileSync('xz', ['-c', ...options], { input: TAR });

describe('xz stream needs', () => {
  it('plain xz (LZMA2, CRC64, 8 MiB dictionary), --check=none and --check=crc32, and 64 MiB: nothing unsupported', () => {
    for (const options of [[], ['--check=none'], ['--check=crc32'], ['--lzma2=dict=64MiB'], ['-9e']])
      expect(xzUnsupported(xz(...options))).toBeNull();
  });

  it('a SHA-256 check', () => {
    expect(xzUnsupported(xz('--check=sha256'))).toBe(
      'xz stream uses the SHA-256 integrity check; this reader supports none, CRC32 and CRC64 (recompress with xz --check=crc64, or with gzip)',
    );
  });

  it('a reserved check id', () => {
    const stream = Buffer.from(xz());
    stream[7] = 0x03;
    expect(xzUnsupported(stream)).toMatch(/^xz stream uses the reserved \(3\) integrity check/);
  });

  it('BCJ and delta filters, before LZMA2', () => {
    expect(xzUnsupported(xz('--x86', '--lzma2'))).toMatch(/^xz stream uses the x86 BCJ filter; this reader supports only LZMA2/);
    expect(xzUnsupported(xz('--arm', '--lzma2'))).toMatch(/^xz stream uses the ARM BCJ filter;/);
    expect(xzUnsupported(xz('--delta=dist=4', '--lzma2'))).toMatch(/^xz stream uses the delta filter;/);
  });

  it('a dictionary over 64 MiB', () => {
    expect(xzUnsupported(xz('--lzma2=dict=128MiB'))).toBe(
      'xz stream needs a 128 MiB dictionary; this reader supports up to 64 MiB (recompress with xz -9 or lower, or with gzip)',
    );
    expect(xzUnsupported(xz('--lzma2=dict=96MiB'))).toMatch(/^xz stream needs a 96 MiB dictionary/);
  });

  it('the reader stops with that one line, naming the input', async () => {
    await expect(readBundleBuffer(xz('--x86', '--lzma2'), 'sos.tar.xz')).rejects.toThrow(
      /^sos\.tar\.xz: xz stream uses the x86 BCJ filter;/,
    );
    const b = await readBundleBuffer(xz(), 'sos.tar.xz');
    expect(b.format).toBe('txz');
    expect(b.files.has('manifest.json')).toBe(true);
  });

  it('a stream cut short: a partial bundle that says the xz stream is truncated', async () => {
    const whole = xz();
    const b = await readBundleBuffer(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.tar.xz');
    expect(b.lost).toMatch(/^xz stream is truncated after \d+ file\(s\); later entries are missing$/);
  });
});
