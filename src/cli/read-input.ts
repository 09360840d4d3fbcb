/**
 * Turn what the user named into something to analyze: an archive file, a directory in bundle
 * layout, a directory of bundles (a fleet), loose text (files, a directory of text files, `-` for
 * stdin), or this host collected on the spot (--live: the shell collector writes its archive to a
 * pipe, nothing touches the disk).
 *
 * What an input is comes from its content, never its name: an archive's magic bytes make a bundle,
 * UTF-8 text without NUL bytes makes loose evidence. Loose text is read under the bundle reader's
 * caps (limits.ts: bytes and lines per file and in total); anything larger, or binary data that is
 * not an archive, stops with one line.
 */
import { constants as fsConstants } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bundle } from '../bundle/bundle.js';
import { LIMITS, type Limits } from '../bundle/limits.js';
import { readArchiveStream, readBundleFile } from '../bundle/read-bundle.js';
import { readBundleDirectory } from '../bundle/read-directory.js';
import { sniffFormat } from '../bundle/sniff-format.js';
import { collectorScriptPath } from '../collector/collector-path.js';
import { isBundleDirectory } from '../fleet/find-bundles.js';
import type { LooseText } from '../loose/loose-bundle.js';
import { BundleError } from '../bundle/bundle-error.js';
import { fsProblem, inputStat } from '../bundle/fs-problem.js';

export async function readInput(path: string): Promise<Bundle> {
  return inputStat(path).isDirectory() ? readBundleDirectory(path) : readBundleFile(path);
}

/** What a named input is. Anything unreadable counts as a bundle, so the bundle reader reports it as before. */
export type NamedInput =
  | { readonly kind: 'bundle'; readonly path: string }
  | { readonly kind: 'text'; readonly path: string }
  | { readonly kind: 'text-directory'; readonly path: string }
  | { readonly kind: 'stdin' };

const ARCHIVE_NAME = /\.(?:tgz|tar\.gz|tar|tar\.xz|txz)$/i;

export async function sortInput(path: string): Promise<NamedInput> {
  if (path === '-') return { kind: 'stdin' };
  const info = await stat(path).catch(() => null);
  if (!info) return { kind: 'bundle', path };
  if (info.isDirectory()) {
    if (isBundleDirectory(path)) return { kind: 'bundle', path };
    const names = await readdir(path).catch(() => []);
    // a directory of archives is a fleet (find-bundles.ts); of anything else, one host's loose evidence
    const looseFiles = names.filter((n) => !n.startsWith('.') && !ARCHIVE_NAME.test(n));
    return names.some((n) => ARCHIVE_NAME.test(n)) || looseFiles.length === 0 ? { kind: 'bundle', path } : { kind: 'text-directory', path };
  }
  if (!info.isFile()) return { kind: 'bundle', path };
  const head = await readHead(path, 512);
  const format = sniffFormat(head);
  if (format.kind !== 'other' || format.problem !== 'is not a gzip or tar archive') return { kind: 'bundle', path };
  return { kind: 'text', path };
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, fsConstants.O_RDONLY);
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Binary data: a NUL byte, or bytes that are not UTF-8. */
function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

async function readCappedFile(path: string, limits: Limits): Promise<Buffer> {
  // O_NOFOLLOW: the same refusal of symlinks as the bundle directory reader
  const fh = await open(path, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW).catch((e: NodeJS.ErrnoException) => {
    // O_NOFOLLOW reports a symbolic link as ELOOP
    throw new BundleError(`cannot read ${path}: ${e.code === 'ELOOP' ? 'is a symbolic link (refused)' : fsProblem(e)}`);
  });
  try {
    const size = (await fh.stat()).size;
    if (size > limits.maxEntryBytes)
      throw new BundleError(`${path} is larger than ${limits.maxEntryBytes} bytes, the limit for one piece of evidence`);
    const buf = Buffer.alloc(size);
    let got = 0;
    while (got < size) {
      const { bytesRead } = await fh.read(buf, got, size - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  } finally {
    await fh.close();
  }
}

export async function readStdin(stream: NodeJS.ReadableStream, limits: Limits = LIMITS): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > limits.maxEntryBytes)
      throw new BundleError(`stdin holds more than ${limits.maxEntryBytes} bytes, the limit for one piece of evidence`);
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}

/** The loose texts of the named inputs, in order: files, the files of a directory (sorted, dot files and subdirectories left out), stdin. */
export async function readLooseTexts(
  inputs: readonly NamedInput[],
  stdin: () => Promise<Buffer>,
  limits: Limits = LIMITS,
): Promise<LooseText[]> {
  const texts: LooseText[] = [];
  let bytes = 0;
  let lines = 0;
  const add = (name: string, data: Buffer, inDirectory: boolean): void => {
    const text = decodeText(data);
    if (text === null) {
      if (inDirectory) texts.push({ name, text: '', skipped: 'binary data, not read' });
      else throw new BundleError(`${name} is not a gzip or tar archive, nor text (binary data)`);
      return;
    }
    const n = countLines(text);
    if (n > limits.maxEntryLines)
      throw new BundleError(`${name} has more than ${limits.maxEntryLines} lines, the limit for one piece of evidence`);
    bytes += data.length;
    lines += n;
    if (bytes > limits.maxKeptBytes)
      throw new BundleError(`the inputs hold more than ${limits.maxKeptBytes} bytes in all, the limit for one host's evidence`);
    if (lines > limits.maxKeptLines)
      throw new BundleError(`the inputs hold more than ${limits.maxKeptLines} lines in all, the limit for one host's evidence`);
    texts.push({ name, text });
  };
  for (const input of inputs) {
    if (input.kind === 'stdin') {
      const data = await stdin();
      if (sniffFormat(data.subarray(0, 512)).kind !== 'other')
        throw new BundleError('stdin holds a bundle archive: give the archive file name instead of -');
      add('stdin', data, false);
    } else if (input.kind === 'text') add(input.path, await readCappedFile(input.path, limits), false);
    else if (input.kind === 'text-directory') {
      const entries = (await readdir(input.path, { withFileTypes: true })).filter((d) => d.isFile() && !d.name.startsWith('.'));
      for (const name of entries.map((d) => d.name).sort())
        add(join(input.path, name), await readCappedFile(join(input.path, name), limits), true);
    }
  }
  if (texts.every((t) => t.text.trim() === ''))
    throw new BundleError(`nothing to analyze: ${inputs.length === 1 && texts[0] ? texts[0].name : 'the inputs'} hold no text`);
  return texts;
}

export async function collectLive(stderr: (t: string) => void): Promise<Bundle> {
  const { spawn } = await import('node:child_process'); // loaded only for --live
  const child = spawn('sh', [collectorScriptPath(), '-o', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr.on('data', (c: Buffer) => stderr(c.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', (e) => reject(new BundleError(`cannot run the collector: ${e.message}`)));
    child.on('close', (code) => resolve(code));
  });
  // The collector's archive streams straight into the reader, under the same limits as a file.
  const bundle = await readArchiveStream(child.stdout, 'tgz', 'this host (--live)').catch(async (e: unknown) => {
    child.kill('SIGKILL');
    await exited.catch(() => null);
    throw e;
  });
  const code = await exited;
  if (code !== 0) throw new BundleError(`the collector exited with status ${code ?? 'killed'}`);
  return bundle;
}
