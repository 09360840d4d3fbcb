/**
 * The hostile-input corpus: broken and malicious bundles, each built by code into a directory
 * (nothing binary is checked in), with the outcome `ptdoctor analyze` must give.
 *
 * Two outcomes only (docs/security.md "Hostile input"): either the input cannot be analyzed at all
 * (exit 2, one stderr line naming the problem), or the analysis runs on what could be trusted and
 * the report says what was refused, lost or unknown (exit 0/1 and a warning in the report).
 * Benign evidence comes from a real lab sample (samples/lab-group-shared/evidence, verbatim
 * collector output), so "the report still works" is checked on real data. The archive-level
 * cases are here; manifests, evidence shapes at scale and xz streams have their own files.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { type CorpusCase, entry, GROUP_SHARED, manifestWith, put, sampleEntries, tgz, validManifest } from './corpus-case.js';
import { MANIFEST_CASES } from './corpus-manifest.js';
import { EVIDENCE_SCALE_CASES } from './corpus-evidence-scale.js';
import { XZ_CASES } from './corpus-xz.js';
import { END_OF_ARCHIVE, makeZip, paxHeader, tarFile, tarHeader, writeGzipBomb, writeTgzStream } from './raw-archive.js';

const TOP = GROUP_SHARED.top;
const SAMPLE = GROUP_SHARED.files;
const sampleWith = (...hostile: Buffer[]) => put(tgz(...hostile, ...sampleEntries()));
const sampleTar = (): Buffer => Buffer.concat([...sampleEntries(), END_OF_ARCHIVE]);

const ESCAPES = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u001b]8;;http://evil.example/\u001b\\\u009b31m\u202e';

const ARCHIVE_CASES: readonly CorpusCase[] = [
  {
    id: 'path-traversal',
    what: '`../` segments, absolute names (`/`, `////`), drive letters and backslashes beside a real bundle',
    file: 'traversal.tgz',
    build: sampleWith(
      entry('../../etc/passwd', 'x'),
      entry('/etc/shadow', 'x'),
      entry('////etc/cron.d/x', 'x'),
      entry(`${TOP}/proc/../../../outside`, 'x'),
      entry('C:../x', 'x'),
      entry('a\\..\\..\\x', 'x'),
    ),
    expect: {
      kind: 'report',
      skipped: [
        ['../../etc/passwd', /\.\./],
        ['/etc/shadow', /absolute/],
        ['////etc/cron.d/x', /absolute/],
        [`${TOP}/proc/../../../outside`, /\.\./],
        ['C:../x', /drive-letter/],
        ['a\\..\\..\\x', /backslash/],
      ],
      evidence: { cmdline: 'ok', dmesg: 'ok' },
    },
  },
  {
    id: 'links-outside',
    what: 'symlinks and hard links to `/etc/passwd`, `../../..` and over evidence paths, placed before the real files',
    file: 'links.tgz',
    build: sampleWith(
      tarHeader({ name: `${TOP}/proc/cmdline`, type: '2', linkname: '/etc/passwd' }),
      tarHeader({ name: `${TOP}/commands/dmesg.out`, type: '1', linkname: '/etc/passwd' }),
      tarHeader({ name: `${TOP}/up`, type: '2', linkname: '../../..' }),
      tarHeader({ name: `${TOP}/etc/default/grub`, type: '1', linkname: '../../../../etc/shadow' }),
    ),
    expect: {
      kind: 'report',
      skipped: [
        [`${TOP}/proc/cmdline`, /symlink entry -> \/etc\/passwd/],
        [`${TOP}/commands/dmesg.out`, /link entry -> \/etc\/passwd/],
        [`${TOP}/up`, /symlink/],
        [`${TOP}/etc/default/grub`, /link/],
      ],
      // the real files that follow the links are read; nothing is read through a link
      evidence: { cmdline: 'ok', dmesg: 'ok' },
      absent: ['root:x:0:0:'],
    },
  },
  {
    id: 'devices-fifo',
    what: 'character and block devices and a FIFO, one of them at an evidence path',
    file: 'devices.tgz',
    build: sampleWith(
      tarHeader({ name: `${TOP}/commands/lsmod.out`, type: '3' }),
      tarHeader({ name: `${TOP}/dev/sda`, type: '4' }),
      tarHeader({ name: `${TOP}/fifo`, type: '6' }),
    ),
    expect: {
      kind: 'report',
      skipped: [
        [`${TOP}/commands/lsmod.out`, /character-device/],
        [`${TOP}/dev/sda`, /block-device/],
        [`${TOP}/fifo`, /fifo/],
      ],
      evidence: { lsmod: 'ok' },
    },
  },
  {
    id: 'duplicates',
    what: 'the same evidence path twice, again as `./…//…`, and NFC/NFD spellings of one name',
    file: 'duplicates.tgz',
    build: put(
      tgz(
        ...sampleEntries(),
        entry(`${TOP}/proc/cmdline`, 'BOOT_IMAGE=/evil intel_iommu=off\n'),
        entry(`./${TOP}//proc/./cmdline`, 'BOOT_IMAGE=/evil2\n'),
        entry(`${TOP}/etc/caf\u00e9`, 'nfc'),
        entry(`${TOP}/etc/cafe\u0301`, 'nfd'),
      ),
    ),
    expect: {
      kind: 'report',
      skipped: [
        [`${TOP}/proc/cmdline`, /duplicate/],
        [`./${TOP}//proc/./cmdline`, /duplicate/],
        [`${TOP}/etc/cafe\u0301`, /duplicate/],
      ],
      evidence: { cmdline: 'ok' },
      absent: ['BOOT_IMAGE=/evil'],
    },
  },
  {
    id: 'long-names',
    what: 'a 5,000-byte PAX path and a 1 MiB PAX record',
    file: 'long-names.tgz',
    build: sampleWith(
      entry(`${TOP}/${'n'.repeat(5000)}`, 'x'),
      paxHeader([['comment', 'c'.repeat(1024 ** 2)]]),
      tarFile(`${TOP}/after-big-pax`, 'x'),
    ),
    expect: { kind: 'report', skipped: [[`${TOP}/${'n'.repeat(5000)}`, /longer than 4096 bytes/]], evidence: { cmdline: 'ok' } },
  },
  {
    id: 'deep-path',
    what: 'a path of 2,000 components (node-tar CVE-2024-28863)',
    file: 'deep.tgz',
    build: sampleWith(entry(`${TOP}/${'d/'.repeat(1999)}f`, 'x')),
    expect: { kind: 'report', skipped: [[`${TOP}/${'d/'.repeat(1999)}f`, /deeper than 64 components/]] },
  },
  {
    id: 'bad-bytes-in-names',
    what: 'names with invalid UTF-8 bytes, a NUL inside a PAX path, and terminal escapes',
    file: 'bad-names.tgz',
    build: sampleWith(
      tarFile(Buffer.from([...Buffer.from(`${TOP}/bad-`), 0xff, 0xfe, 0x80]), 'x'),
      paxHeader([['path', Buffer.from(`${TOP}/proc/cmdline\u0000.evil`)]]),
      tarFile('PaxHeaders/nul', 'BOOT_IMAGE=/nul-smuggled\n'),
      entry(`${TOP}/esc${ESCAPES}`, 'x'),
    ),
    expect: {
      kind: 'report',
      skipped: [
        [`${TOP}/bad-\ufffd\ufffd\ufffd`, /not valid UTF-8/],
        [`${TOP}/proc/cmdline\u0000.evil`, /control/],
        [`${TOP}/esc${ESCAPES}`, /control or bidi/],
      ],
      evidence: { cmdline: 'ok' },
      absent: ['nul-smuggled'],
    },
  },
  {
    id: 'escapes-in-content',
    what: 'OSC 52 clipboard, OSC 8 link, screen clear, CSI and RLO characters inside cited evidence',
    file: 'escapes.tgz',
    build: put(tgz(...sampleEntries({ 'commands/acpi-tables.out': `APIC\n${ESCAPES}\nFACP\n` }))),
    expect: { kind: 'report', evidence: { 'acpi-tables': 'ok' } },
  },
  {
    id: 'zero-byte-evidence',
    what: 'every evidence file present but zero bytes long, manifest intact',
    file: 'zero-bytes.tgz',
    build: put(tgz(...[...SAMPLE.values()].map((f) => entry(`${TOP}/${f.path}`, f.path === 'manifest.json' ? f.bytes : '')))),
    expect: { kind: 'report', evidence: { cmdline: 'ok', dmesg: 'ok' } },
  },
  {
    id: 'empty-file',
    what: 'a zero-byte .tgz',
    file: 'empty.tgz',
    build: put(Buffer.alloc(0)),
    expect: { kind: 'error', stderr: /file is empty/ },
  },
  {
    id: 'empty-archive',
    what: 'a valid gzip of a tar with only the end-of-archive blocks',
    file: 'empty-archive.tgz',
    build: put(tgz()),
    expect: { kind: 'error', stderr: /holds no readable files/ },
  },
  {
    id: 'truncated-gzip',
    what: 'the real bundle cut at half its compressed length',
    file: 'truncated.tgz',
    build: async (path) => {
      const whole = tgz(...sampleEntries());
      await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    },
    expect: { kind: 'report', lost: /gzip stream is truncated after \d+ file\(s\)/, manifestProblem: /missing/ },
  },
  {
    id: 'truncated-gzip-header',
    what: 'the first 20 bytes of a gzip stream',
    file: 'truncated-header.tgz',
    build: async (path) => writeFile(path, tgz(...sampleEntries()).subarray(0, 20)),
    expect: { kind: 'error', stderr: /gzip stream is truncated/ },
  },
  {
    id: 'truncated-tar',
    what: 'an uncompressed tar cut in the middle of an entry',
    file: 'truncated.tar',
    build: async (path) => {
      const tar = sampleTar();
      await writeFile(path, tar.subarray(0, Math.floor(tar.length / 2) + 100));
    },
    expect: { kind: 'report', lost: /tar archive is truncated after \d+ file\(s\)/, manifestProblem: /missing/ },
  },
  {
    id: 'random-bytes',
    what: '1 MiB of random bytes',
    file: 'random.tgz',
    build: put(randomBytes(1024 ** 2)),
    expect: { kind: 'error', stderr: /not a gzip or tar archive/ },
  },
  {
    id: 'corrupt-gzip',
    what: 'the gzip magic followed by random bytes',
    file: 'corrupt.tgz',
    build: put(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]), randomBytes(64 * 1024)])),
    expect: { kind: 'error', stderr: /gzip data is corrupt|gzip stream is truncated/ },
  },
  {
    id: 'gzip-not-tar',
    what: 'valid gzip whose content is random bytes, not tar',
    file: 'gzip-not-tar.tgz',
    build: put(gzipSync(randomBytes(64 * 1024))),
    expect: { kind: 'error', stderr: /not a valid tar archive/ },
  },
  {
    id: 'zip-as-tgz',
    what: 'a real zip archive of the bundle named .tgz',
    file: 'bundle.tgz',
    build: put(makeZip([...SAMPLE.values()].map((f) => [`${TOP}/${f.path}`, f.bytes.toString('utf8')] as const))),
    expect: { kind: 'error', stderr: /is a zip archive, not a tar.gz bundle/ },
  },
  {
    id: 'negative-size',
    what: 'a tar header with a base-256 negative size (node-tar GHSA-8x88-c5mf-7j5w) after three good entries',
    file: 'negative-size.tgz',
    // -2, not -1: tar-stream's parse256 decodes 0xff…ff as -0, a harmless empty entry
    build: put(tgz(...sampleEntries().slice(0, 3), tarHeader({ name: `${TOP}/neg`, base256Size: -2n }), ...sampleEntries().slice(3))),
    expect: { kind: 'report', lost: /tar entry header is invalid \(bad size\) after 3 file\(s\)/, manifestProblem: /missing/ },
  },
  {
    id: 'pax-bad-size',
    what: 'a PAX `size=abc` record before an evidence file',
    file: 'pax-bad-size.tgz',
    build: put(tgz(...sampleEntries().slice(0, 3), paxHeader([['size', 'abc']]), tarFile(`${TOP}/x`, 'abc'), ...sampleEntries().slice(3))),
    expect: { kind: 'report', lost: /tar entry header is invalid \(bad size\) after 3 file\(s\)/, manifestProblem: /missing/ },
  },
  {
    id: 'gzip-bomb',
    what: '4 GiB of zeros in one entry, gzip-compressed to about 4 MB',
    file: 'bomb.tgz',
    build: (path) => writeGzipBomb(path, 4 * 1024 ** 3),
    expect: { kind: 'error', stderr: /inflates more than 200:1 \(a decompression bomb\?\)/ },
  },
  {
    id: 'pax-header-bomb',
    what: 'a PAX header declaring 1 GiB, backed by gzip-compressed zeros',
    file: 'pax-bomb.tgz',
    build: async (path) => {
      const head = tarHeader({ name: 'PaxHeaders/huge', type: 'x', size: 1024 ** 3 });
      await writeTgzStream(
        path,
        function* () {
          yield head;
          const zeros = Buffer.alloc(1024 ** 2);
          for (let i = 0; i < 1024; i++) yield zeros;
        },
        9,
      );
    },
    expect: { kind: 'error', stderr: /decompression bomb|metadata header is too large/ },
  },
  {
    id: 'many-entries',
    what: '200,001 zero-byte entries with random names (about 100 MB of tar headers)',
    file: 'many.tgz',
    build: async (path) => {
      await writeTgzStream(path, function* () {
        yield* sampleEntries();
        const batch: Buffer[] = [];
        for (let i = 0; i < 200_001; i++) {
          batch.push(tarHeader({ name: `${TOP}/many/${randomBytes(20).toString('hex')}`, size: 0 }));
          if (batch.length === 2048) yield Buffer.concat(batch.splice(0));
        }
        yield Buffer.concat(batch);
        yield END_OF_ARCHIVE;
      });
    },
    expect: { kind: 'error', stderr: /more than 50000 entries/ },
  },
  {
    id: 'long-line',
    what: 'a 200 MB single line (no newline, low-compressibility text) as dmesg',
    file: 'long-line.tgz',
    build: async (path) => {
      const size = 200 * 1024 ** 2;
      const name = `${TOP}/commands/dmesg.out`;
      await writeTgzStream(path, function* () {
        yield* sampleEntries().filter((_, i) => [...SAMPLE.keys()][i] !== 'commands/dmesg.out');
        yield tarHeader({ name, size });
        // base64 of random bytes: ~1.3:1 compression, so the ratio limit stays out of the way. One
        // 4 MiB block repeated: deflate's 32 KiB window cannot see the repeats.
        const chunk = 4 * 1024 ** 2;
        const block = Buffer.from(randomBytes((chunk * 3) / 4).toString('base64'));
        for (let done = 0; done < size; done += chunk) yield block;
        yield END_OF_ARCHIVE;
      });
    },
    // the reader keeps the first maxEntryBytes and marks the file truncated
    expect: { kind: 'report', evidence: { cmdline: 'ok' }, findings: { 'iommu-firmware-disabled': 'pass', 'dmesg-truncated': 'fail' } },
  },
  {
    id: 'kept-bytes-flood',
    what: 'three evidence files of 17 MiB each of non-ASCII text lines (UTF-16 strings once decoded)',
    file: 'flood.tgz',
    build: async (path) => {
      const flooded = new Set(['dmesg', 'lspci-nnk', 'lspci-vvv'].map((id) => `commands/${id}.out`));
      const size = 17 * 1024 ** 2;
      const letters = [...'абвгдежзийклмноп'].map((c) => Buffer.from(c));
      await writeTgzStream(path, function* () {
        for (const f of SAMPLE.values()) {
          if (!flooded.has(f.path)) {
            yield entry(`${TOP}/${f.path}`, f.bytes);
            continue;
          }
          yield tarHeader({ name: `${TOP}/${f.path}`, size });
          for (let done = 0; done < size;) {
            const rnd = randomBytes(64 * 1024);
            const out = Buffer.alloc(Math.min(rnd.length * 2, size - done));
            for (let i = 0; i + 1 < out.length; i += 2) (i % 160 === 158 ? Buffer.from('\n ') : letters[rnd[i >> 1]! & 15]!).copy(out, i);
            done += out.length;
            yield out;
          }
          yield Buffer.alloc((512 - (size % 512)) % 512);
        }
        yield END_OF_ARCHIVE;
      });
    },
    // the flooded files use up the kept-bytes budget, so files after them are cut: the evidence
    // inventory says so (the manifest's own status for them is still ok)
    expect: { kind: 'report', evidence: { cmdline: 'truncated' } },
  },
  {
    id: 'newline-flood',
    what: 'dmesg, lspci -nnk and /proc/cmdline each 16 MiB of bare newlines (a line object per byte)',
    file: 'newlines.tgz',
    build: put(
      tgz(
        ...sampleEntries(
          Object.fromEntries(
            ['commands/dmesg.out', 'commands/lspci-nnk.out', 'proc/cmdline'].map((p) => [p, Buffer.alloc(16 * 1024 ** 2, 10)]),
          ),
        ),
      ),
    ),
    expect: { kind: 'report', evidence: { uname: 'ok' } },
  },
  {
    id: 'nested-archive',
    what: 'a bundle whose only content is another bundle (.tgz inside .tgz)',
    file: 'nested.tgz',
    build: put(tgz(tarFile('outer/inner.tgz', tgz(...sampleEntries())))),
    expect: { kind: 'report', manifestProblem: /manifest.json is missing/, findings: { 'iommu-firmware-disabled': 'unknown' } },
  },
  {
    id: 'manifest-not-json',
    what: 'manifest.json that is not JSON',
    file: 'manifest-not-json.tgz',
    build: manifestWith('{"schemaVersion":1, items: [oops'),
    expect: { kind: 'report', manifestProblem: /not valid JSON/, findings: { 'iommu-firmware-disabled': 'pass' } },
  },
  {
    id: 'manifest-wrong-types',
    what: 'manifest.json with a string version, a number for items and a bogus status',
    file: 'manifest-types.tgz',
    build: manifestWith(JSON.stringify({ ...validManifest(), schemaVersion: '1', items: 42, uid: 'root' })),
    expect: { kind: 'report', manifestProblem: /does not match the schema/, findings: { 'iommu-firmware-disabled': 'pass' } },
  },
  {
    id: 'manifest-future',
    what: 'manifest.json from schema version 99',
    file: 'manifest-future.tgz',
    build: manifestWith(JSON.stringify({ ...validManifest(), schemaVersion: 99 })),
    expect: { kind: 'error', stderr: /bundle schema version 99 is newer than this ptdoctor reads \(1\); upgrade ptdoctor/ },
  },
  {
    id: 'manifest-prototype-pollution',
    what: 'manifest.json with `__proto__` and `constructor.prototype` keys at the top and in items',
    file: 'manifest-proto.tgz',
    build: async (path) => {
      const m = JSON.stringify(validManifest());
      const evil = `{"__proto__":{"polluted":"yes","schemaVersion":99},"constructor":{"prototype":{"polluted":"yes"}},${m.slice(1)}`;
      const items = evil.replace('"items":[{', '"items":[{"__proto__":{"polluted":"yes","status":"ok"},');
      await manifestWith(items)(path);
    },
    expect: { kind: 'report', manifestProblem: /does not match the schema/, findings: { 'iommu-firmware-disabled': 'pass' } },
  },
];

export const CORPUS: readonly CorpusCase[] = [...ARCHIVE_CASES, ...MANIFEST_CASES, ...EVIDENCE_SCALE_CASES, ...XZ_CASES];
