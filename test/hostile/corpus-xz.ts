/**
 * xz streams (sosreports are .tar.xz) that need what the decoder lacks: it is XZ Embedded with
 * CRC32 and CRC64 checks, the LZMA2 filter only and dictionaries up to 64 MiB
 * (src/bundle/xz-header.ts). Each is the real bundle's tar compressed by this machine's xz with
 * one option, so the stream is exactly what xz writes; the error must name what is unsupported.
 */
import { execFileSync } from 'node:child_process';
import { type CorpusCase, put, sampleEntries } from './corpus-case.js';
import { END_OF_ARCHIVE } from './raw-archive.js';

const xz =
  (...options: string[]) =>
  (path: string) =>
    put(execFileSync('xz', ['-c', ...options], { input: Buffer.concat([...sampleEntries(), END_OF_ARCHIVE]) }))(path);

export const XZ_CASES: readonly CorpusCase[] = [
  {
    id: 'xz-sha256-check',
    what: 'the real bundle as `xz --check=sha256`',
    file: 'sha256.tar.xz',
    build: xz('--check=sha256'),
    expect: { kind: 'error', stderr: /: xz stream uses the SHA-256 integrity check; this reader supports none, CRC32 and CRC64/ },
  },
  {
    id: 'xz-bcj-filter',
    what: 'the real bundle as `xz --x86 --lzma2` (a BCJ filter before LZMA2)',
    file: 'x86.tar.xz',
    build: xz('--x86', '--lzma2'),
    expect: { kind: 'error', stderr: /: xz stream uses the x86 BCJ filter; this reader supports only LZMA2/ },
  },
  {
    id: 'xz-delta-filter',
    what: 'the real bundle as `xz --delta=dist=4 --lzma2`',
    file: 'delta.tar.xz',
    build: xz('--delta=dist=4', '--lzma2'),
    expect: { kind: 'error', stderr: /: xz stream uses the delta filter; this reader supports only LZMA2/ },
  },
  {
    id: 'xz-128m-dictionary',
    what: 'the real bundle as `xz --lzma2=dict=128MiB`',
    file: 'dict.tar.xz',
    build: xz('--lzma2=dict=128MiB'),
    expect: { kind: 'error', stderr: /: xz stream needs a 128 MiB dictionary; this reader supports up to 64 MiB/ },
  },
  {
    id: 'xz-truncated',
    what: 'the real bundle as plain `xz`, cut at half its length',
    file: 'truncated.tar.xz',
    build: async (path) => {
      const whole = execFileSync('xz', ['-c'], { input: Buffer.concat([...sampleEntries(), END_OF_ARCHIVE]) });
      await put(whole.subarray(0, Math.floor(whole.length / 2)))(path);
    },
    expect: { kind: 'report', lost: /^xz stream is truncated after \d+ file\(s\); later entries are missing$/, manifestProblem: /missing/ },
  },
];
