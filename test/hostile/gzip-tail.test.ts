/**
 * Gzip errors at the end of the stream (bytes appended in transfer, a bad CRC in the trailer, a
 * second member) give a defined outcome and never a hang: the bundle is read as far as the
 * inflated data reached the tar parser and says the stream is corrupt. Entries still buffered
 * when zlib fails are lost with the stream (Node's zlib destroys its readable side on error), so
 * the reader reports them as missing rather than pretending the archive was whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundleBuffer } from '../../src/bundle/read-bundle.js';
import { ROOT } from '../helpers/bundle-from.js';

const good = readFileSync(join(ROOT, 'samples', 'lab-group-shared.tgz'));

describe('gzip trouble at the end of the stream', () => {
  it('trailing garbage: a partial bundle flagged as corrupt', async () => {
    const b = await readBundleBuffer(Buffer.concat([good, Buffer.from('bytes appended in transfer, not a gzip member')]), 'tail.tgz');
    expect(b.files.size).toBeGreaterThan(0);
    expect(b.lost).toMatch(/^gzip data is corrupt \(incorrect header check\) after \d+ file\(s\); later entries are missing$/);
  });

  it('a bad CRC in the trailer: flagged as corrupt, not silently accepted', async () => {
    const bad = Buffer.from(good);
    bad[bad.length - 8]! ^= 0xff;
    const b = await readBundleBuffer(bad, 'crc.tgz');
    expect(b.lost).toMatch(/^gzip data is corrupt \(incorrect data check\)/);
  });

  it('zeros after the stream and a second gzip member are read without complaint', async () => {
    const zeros = await readBundleBuffer(Buffer.concat([good, Buffer.alloc(1024)]), 'zeros.tgz');
    expect(zeros.lost).toBeNull();
    const twice = await readBundleBuffer(Buffer.concat([good, good]), 'twice.tgz');
    expect(twice.lost).toBeNull();
    // the second copy's entries are duplicates of the first: refused, the first copy is used
    expect(twice.skipped.length).toBe(twice.files.size);
    expect(twice.skipped.every((s) => /duplicate/.test(s.reason))).toBe(true);
  });
});
