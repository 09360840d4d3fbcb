/**
 * Hostile manifests: what JSON.parse and validation would build from a manifest.json is bounded
 * before it is built (src/bundle/load-manifest.ts), and only the manifest that will be read is kept
 * outside the reader's kept-bytes budget (src/bundle/manifest-choice.ts). Measured before those
 * bounds: 40 decoy manifests held 700 MB, a manifest of nested arrays 925 MB, one of five million
 * empty objects ran past 120 s, one of 140,000 items that name missing files reached 341 MB.
 */
import { randomBytes } from 'node:crypto';
import { type CorpusCase, entry, GROUP_SHARED, manifestWith, sampleEntries, validManifest } from './corpus-case.js';
import { END_OF_ARCHIVE, writeTgzStream } from './raw-archive.js';

const MIB = 1024 ** 2;

/**
 * 16 MiB of JSON string that gzip shrinks about 30:1: under the reader's 200:1 bomb ratio, so the
 * bytes really arrive, and cheap to write (one buffer, written again and again).
 */
function lowRatioJson(size: number): Buffer {
  const body = Buffer.alloc(size, 0x61);
  const noise = randomBytes(size >> 6);
  for (let i = 0; i < noise.length; i += 1) body[i * 64 + ((noise[i] as number) & 63)] = 0x41 + ((noise[i] as number) % 26);
  body[0] = 0x22;
  body[size - 1] = 0x22;
  return body;
}

/** The sample's manifest with `items` swapped for the given JSON text (kept as text: it may be huge). */
const manifestWithItems = (itemsJson: string): string =>
  JSON.stringify({ ...validManifest(), items: [] }).replace('"items":[]', `"items":${itemsJson}`);

export const MANIFEST_CASES: readonly CorpusCase[] = [
  {
    id: 'manifest-decoys',
    what: 'a real bundle with its manifest at the root, then 40 entries `dN/manifest.json` of 16 MiB each (640 MiB)',
    file: 'manifest-decoys.tgz',
    build: (path) =>
      writeTgzStream(path, function* () {
        yield* sampleEntries({}, GROUP_SHARED, '');
        const decoy = lowRatioJson(16 * MIB);
        for (let i = 0; i < 40; i += 1) yield entry(`d${i}/manifest.json`, decoy);
        yield END_OF_ARCHIVE;
      }),
    // the root manifest is the one read; the decoys are evidence-sized data cut at the kept total
    expect: { kind: 'report', evidence: { cmdline: 'ok', dmesg: 'ok' }, findings: { 'group-not-viable': 'fail' } },
  },
  {
    id: 'manifest-nested',
    what: 'manifest.json of 16 MiB: `items` is eight million nested arrays',
    file: 'manifest-nested.tgz',
    build: manifestWith(manifestWithItems(`${'['.repeat(8 * MIB - 200)}${']'.repeat(8 * MIB - 200)}`)),
    expect: { kind: 'report', manifestProblem: /^manifest\.json nests deeper than 8 levels$/, findings: { 'group-not-viable': 'fail' } },
  },
  {
    id: 'manifest-many-values',
    what: 'manifest.json whose `items` are five million empty objects',
    file: 'manifest-many-values.tgz',
    build: manifestWith(manifestWithItems(`[${'{},'.repeat(5 * MIB)}{}]`)),
    expect: {
      kind: 'report',
      manifestProblem: /^manifest\.json holds more values than a manifest of 10000 items can$/,
      findings: { 'group-not-viable': 'fail' },
    },
  },
  {
    id: 'manifest-140k-items',
    what: 'manifest.json listing 140,000 valid items, each naming a modprobe.d file the archive does not hold',
    file: 'manifest-140k.tgz',
    build: (path) => {
      const items = [...(validManifest().items as unknown[])];
      for (let i = items.length; i < 140_000; i += 1)
        items.push({ id: 'modprobe-d', kind: 'file', source: '', status: 'ok', path: `etc/modprobe.d/${i}` });
      return manifestWith(JSON.stringify({ ...validManifest(), items }))(path);
    },
    // 140,000 objects: refused on the bytes, before anything is parsed
    expect: {
      kind: 'report',
      manifestProblem: /^manifest\.json holds more values than a manifest of 10000 items can$/,
      findings: { 'group-not-viable': 'fail' },
    },
  },
  {
    id: 'manifest-item-cap',
    what: 'manifest.json listing 10,000 items (the most it may), 9,950 of them modprobe.d files the archive does not hold',
    file: 'manifest-10k.tgz',
    build: (path) => {
      const items = [...(validManifest().items as unknown[])];
      for (let i = items.length; i < 10_000; i += 1)
        items.push({ id: 'modprobe-d', kind: 'file', source: `/etc/modprobe.d/${i}.conf`, status: 'ok', path: `etc/modprobe.d/${i}.conf` });
      return manifestWith(JSON.stringify({ ...validManifest(), items }))(path);
    },
    // the manifest is valid: each missing file is listed in the inventory as lost
    expect: { kind: 'report', evidence: { cmdline: 'ok', 'modprobe-d': 'lost' }, findings: { 'group-not-viable': 'fail' } },
  },
];
