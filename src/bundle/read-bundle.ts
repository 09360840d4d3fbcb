/**
 * Read an untrusted bundle archive (.tgz, .tar.gz, .tar) into memory as a stream.
 *
 * source → byte counter → gunzip → inflated-byte counter → tar-stream. Nothing is written to
 * disk. Limits (limits.ts) are checked while bytes stream, so a gzip bomb stops at the limit,
 * not at the end of the file. Only regular files are kept; links, devices, FIFOs and refused
 * names are recorded in `skipped`. A limit breach or an archive that yields nothing is a
 * BundleError (one line); an archive that breaks after some files were read yields a partial
 * bundle whose `lost` says what happened. An archive of at most WHOLE_INPUT_BYTES is read and
 * inflated whole first, within bounds that keep every limit to the stream (see below), and its tar
 * walked in memory (tar-whole.ts) unless it holds anything only the stream reads as it should.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { Readable, type Transform } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { BundleError } from './bundle-error.js';
import type { Bundle, BundleFile, SkippedEntry } from './bundle.js';
import { normaliseEntryName } from './entry-name.js';
import { KeptFiles } from './kept-files.js';
import { LIMITS, type Limits } from './limits.js';
import { fsProblem, inputStat } from './fs-problem.js';
import { formatProblem, sniffFormat } from './sniff-format.js';
import { stripTopDirectory } from './strip-top-directory.js';
import { tarEntriesWhole } from './tar-whole.js';
import { XZ_HEAD_BYTES, xzUnsupported } from './xz-header.js';

class LimitExceeded extends Error {}

/**
 * Bytes per read and per inflated chunk. With zlib's 16 KiB default the main thread waited on the
 * inflate thread for each small chunk (idle 41% of a 64 MiB log's run); large chunks keep it
 * busy and cut the per-chunk work of every stage. Kept entries are copied out of these chunks
 * (kept-files.ts), so a chunk is not held by what the reader keeps.
 */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The inflate chunk for an input of `size` bytes. zlib drops the output it still holds when the
 * stream fails (a bad CRC, bytes appended in transfer), so a chunk as large as a small bundle's
 * whole content would lose all of it: inputs under 1 MiB (most bundles; speed does not matter
 * there) inflate in zlib's 16 KiB, larger ones in CHUNK_BYTES and lose at most their last chunk.
 */
function inflateChunk(size: number | null): number {
  return size !== null && size < CHUNK_BYTES ? 16 * 1024 : CHUNK_BYTES;
}

const KEPT_TYPES = new Set(['file', 'contiguous-file']);

/**
 * Inputs up to this size (a typical bundle is about 20 KiB) are read whole, and a gzip one
 * inflated whole, on this thread: as streams they cost a dozen round trips to the thread pool
 * (open, read, close, and each 16 KiB of inflate), which is most of what a fleet run's threads
 * wait on (npm run bench, fleet). Only a content that inflates within WHOLE_INFLATED_BYTES is
 * taken this way; anything else, and anything zlib refuses (a damaged or cut archive), is read as
 * a stream, which keeps what a damaged archive still holds and checks the limits as bytes come.
 */
const WHOLE_INPUT_BYTES = 1024 * 1024;
const WHOLE_INFLATED_BYTES = 8 * 1024 * 1024;

export async function readBundleFile(path: string, limits: Limits = LIMITS): Promise<Bundle> {
  const info = inputStat(path);
  if (!info.isFile()) throw new BundleError(`${path} is not a regular file`);
  if (info.size > limits.maxInputBytes) throw new BundleError(`${path} is larger than ${limits.maxInputBytes} bytes`);
  if (info.size <= WHOLE_INPUT_BYTES) return readBundleBuffer(readWhole(path), path, limits);
  const format = checkHead(await readHead(path), path);
  return readArchiveStream(createReadStream(path, { highWaterMark: CHUNK_BYTES }), format, path, limits, info.size);
}

export async function readBundleBuffer(bytes: Buffer, source: string, limits: Limits = LIMITS): Promise<Bundle> {
  const format = checkHead(bytes.subarray(0, HEAD_BYTES), source);
  const tar = format === 'tgz' && bytes.length <= WHOLE_INPUT_BYTES ? inflatedWhole(bytes, limits) : null;
  if (tar !== null)
    return readTarWhole(tar, source, limits) ?? readArchiveStream(Readable.from([tar]), 'tar', source, limits, tar.length, 'tgz');
  return readArchiveStream(Readable.from([bytes]), format, source, limits, bytes.length);
}

function readWhole(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new BundleError(`cannot read ${path}: ${fsProblem(e)}`);
  }
}

/**
 * The tar inside a small gzip input, or null when zlib refuses it or it inflates past
 * WHOLE_INFLATED_BYTES — or past what the stream may inflate before its limits apply, so that
 * every limit breach is found, and worded, by the stream.
 */
function inflatedWhole(bytes: Buffer, limits: Limits): Buffer | null {
  try {
    return gunzipSync(bytes, { maxOutputLength: Math.min(WHOLE_INFLATED_BYTES, limits.ratioGraceBytes, limits.maxInflatedBytes) });
  } catch {
    return null;
  }
}

/** The tar header's magic sits at 257; an xz stream's first block header may run to byte 1036. */
const HEAD_BYTES = Math.max(512, XZ_HEAD_BYTES);

/** The archive format of these first bytes, or a BundleError naming what the file is or needs. */
function checkHead(head: Buffer, label: string): 'tgz' | 'txz' | 'tar' {
  const format = sniffFormat(head);
  if (format.kind === 'other') throw new BundleError(`${label} ${formatProblem(format)}`);
  const xzProblem = format.kind === 'txz' ? xzUnsupported(head) : null;
  if (xzProblem !== null) throw new BundleError(`${label}: ${xzProblem}`);
  return format.kind;
}

async function readHead(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of createReadStream(path, { start: 0, end: HEAD_BYTES - 1 })) {
    chunks.push(chunk as Buffer);
    n += (chunk as Buffer).length;
  }
  return Buffer.concat(chunks, n);
}

export async function readArchiveStream(
  source: Readable,
  kind: 'tgz' | 'txz' | 'tar',
  label: string,
  limits: Limits = LIMITS,
  /** The input's size when known (it sets the inflate chunk); null for a pipe. */
  inputBytes: number | null = null,
  /** The format the bundle came in, when `source` is its content already inflated. */
  format: 'tgz' | 'txz' | 'tar' = kind,
): Promise<Bundle> {
  const kept = new KeptFiles(limits);
  const files = kept.files;
  const skipped: SkippedEntry[] = [];
  let compressed = 0;
  let inflated = 0;
  let entries = 0;
  let limitHit: string | null = null;

  // The stream machinery loads when a stream is read (a small bundle is walked without it, and the
  // xz decoder serves sosreports only). The source stays paused meanwhile; an error it raises is
  // kept and given to the reader below, never left without a listener.
  let early: Error | null = null;
  const keepEarly = (e: Error): void => {
    early ??= e;
  };
  source.on('error', keepEarly);
  const [{ extract: tarExtract }, xz] = await Promise.all([import('tar-stream'), kind === 'txz' ? import('./xz-stream.js') : null]);
  source.off('error', keepEarly);
  const extract = tarExtract();
  if (early !== null) extract.destroy(early);
  const gunzip = kind === 'tgz' ? createGunzip({ chunkSize: inflateChunk(inputBytes) }) : xz ? xz.xzDecompress(source) : null;
  const stop = (reason: string): void => {
    limitHit ??= reason;
    source.destroy();
    gunzip?.destroy();
    extract.destroy(new LimitExceeded(reason));
  };
  const inflatedStream: Readable = gunzip === null ? source : kind === 'tgz' ? source.pipe(gunzip as Transform) : gunzip;
  source.on('data', (chunk: Buffer) => {
    compressed += chunk.length;
  });
  inflatedStream.on('data', (chunk: Buffer) => {
    inflated += chunk.length;
    if (inflated > limits.maxInflatedBytes) stop(`archive inflates past ${limits.maxInflatedBytes} bytes`);
    else if (gunzip && inflated > limits.ratioGraceBytes && inflated > compressed * limits.maxRatio)
      stop(`archive inflates more than ${limits.maxRatio}:1 (a decompression bomb?)`);
  });
  source.on('error', (e) => extract.destroy(e));
  gunzip?.on('error', (e) => extract.destroy(e));
  inflatedStream.pipe(extract as unknown as NodeJS.WritableStream);

  try {
    for await (const entry of extract) {
      entries += 1;
      if (entries > limits.maxEntries) {
        stop(`archive has more than ${limits.maxEntries} entries`);
        break;
      }
      const h = entry.header;
      const place = entryPlace(h.name, h.type ?? 'file', h.linkname ?? null, files, skipped, limits);
      if (place === null) {
        entry.resume();
        continue;
      }
      kept.begin(place);
      // every chunk is read (the stream must be drained); only what fits the budget is kept
      for await (const chunk of entry as AsyncIterable<Buffer>) kept.push(chunk);
      kept.end();
    }
  } catch (e) {
    if (limitHit !== null) throw new BundleError(`${label}: ${limitHit}`);
    const problem = describeStreamError(e);
    if (files.size === 0) throw new BundleError(`${label}: ${problem}`);
    return finish(label, format, files, skipped, `${problem} after ${files.size} file(s); later entries are missing`);
  } finally {
    source.destroy();
    gunzip?.destroy();
  }
  if (limitHit !== null) throw new BundleError(`${label}: ${limitHit}`);
  if (files.size === 0) throw new BundleError(`${label}: the archive holds no readable files`);
  return finish(label, format, files, skipped, null);
}

/**
 * Where an entry is kept (its normalised path), or null when it is not: a directory silently,
 * anything else with the reason recorded in `skipped`. Both readers decide through this.
 */
function entryPlace(
  name: string,
  type: string,
  linkname: string | null,
  files: ReadonlyMap<string, BundleFile>,
  skipped: SkippedEntry[],
  limits: Limits,
): string | null {
  if (type === 'directory') return null;
  const verdict = KEPT_TYPES.has(type) ? normaliseEntryName(name, limits) : null;
  let reason: string;
  if (verdict === null) reason = `${type} entry${linkname ? ` -> ${linkname}` : ''} (only regular files are read)`;
  else if (!verdict.ok) reason = verdict.reason;
  else if (files.has(verdict.path)) reason = 'duplicate name (the first copy is used)';
  else return verdict.path;
  skipped.push({ name, reason });
  return null;
}

/** The tar inflated from a small gzip input, read in one loop (tar-whole.ts); null when only the stream reader reads it as it is. */
function readTarWhole(tar: Buffer, label: string, limits: Limits): Bundle | null {
  const entries = tarEntriesWhole(tar);
  // past the entry limit, the stream reader stops and words it
  if (entries === null || entries.length > limits.maxEntries) return null;
  const kept = new KeptFiles(limits);
  const skipped: SkippedEntry[] = [];
  for (const entry of entries) {
    const place = entryPlace(entry.name, entry.type, entry.linkname, kept.files, skipped, limits);
    if (place === null) continue;
    kept.begin(place);
    if (entry.data.length > 0) kept.push(entry.data);
    kept.end();
  }
  if (kept.files.size === 0) throw new BundleError(`${label}: the archive holds no readable files`);
  return finish(label, 'tgz', kept.files, skipped, null);
}

function finish(
  source: string,
  format: 'tgz' | 'txz' | 'tar',
  files: Map<string, BundleFile>,
  skipped: SkippedEntry[],
  lost: string | null,
): Bundle {
  const { root, files: stripped } = stripTopDirectory(files);
  return { source, format, root, files: stripped, skipped, lost };
}

/**
 * The xz decoder reports failures as XZ Embedded's `enum xz_ret` number (linux/include/linux/xz.h);
 * what the stream header showed is named before decoding (xz-header.ts), so these are what a
 * later block or a damaged stream brings.
 */
const XZ_ERRORS: Readonly<Record<string, string>> = {
  '2': 'xz stream uses an integrity check this reader does not support',
  '3': 'xz decoder ran out of memory',
  '4': 'xz stream needs a dictionary larger than the 64 MiB this reader supports',
  '5': 'not a valid xz stream',
  '6': 'xz stream uses a filter, check or option this reader does not support (only LZMA2 with CRC32 or CRC64)',
  '7': 'xz data is corrupt',
  '8': 'xz stream is truncated',
};

function describeStreamError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const msg = String(err?.message ?? e);
  const xzCode = /^get_next_output failed with error code (\d+)$/.exec(msg)?.[1];
  if (xzCode !== undefined) return XZ_ERRORS[xzCode] ?? `xz decoding failed (error ${xzCode})`;
  if (err?.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(msg)) return 'gzip stream is truncated';
  if (err?.code === 'Z_DATA_ERROR') return `gzip data is corrupt (${msg})`;
  if (/unexpected end of data/i.test(msg)) return 'tar archive is truncated';
  if (/invalid tar header|unknown format/i.test(msg)) return 'not a valid tar archive (invalid tar header)';
  if (/header exceeds max size/i.test(msg)) return 'tar metadata header is too large';
  if (/invalid header/i.test(msg)) return 'tar entry header is invalid (bad size)';
  return `archive could not be read (${msg.split('\n')[0]})`;
}
