/**
 * Read an unpacked bundle (or sosreport) directory with the same limits and refusals as an
 * archive: symlinks are never followed, only regular files are read, each up to maxEntryBytes.
 */
import { constants as fsConstants } from 'node:fs';
import { open, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleError } from '../cli/errors.js';
import type { Bundle, BundleFile, SkippedEntry } from './bundle.js';
import { normaliseEntryName } from './entry-name.js';
import { isManifestPath, keepPrefix } from './keep-budget.js';
import { LIMITS, type Limits } from './limits.js';
import { stripTopDirectory } from './strip-top-directory.js';

export async function readBundleDirectory(dir: string, limits: Limits = LIMITS): Promise<Bundle> {
  const files = new Map<string, BundleFile>();
  const skipped: SkippedEntry[] = [];
  let entries = 0;
  let kept = 0;
  let keptLines = 0;

  async function walk(abs: string, rel: string, depth: number): Promise<void> {
    if (depth > limits.maxPathDepth) {
      skipped.push({ name: rel, reason: `deeper than ${limits.maxPathDepth} components` });
      return;
    }
    const handle = await opendir(abs).catch((e: NodeJS.ErrnoException) => {
      skipped.push({ name: rel || '.', reason: `cannot list: ${e.code ?? e.message}` });
      return null;
    });
    if (!handle) return;
    const names: { name: string; kind: 'dir' | 'file' | 'link' | 'other' }[] = [];
    for await (const d of handle) {
      entries += 1;
      if (entries > limits.maxEntries) throw new BundleError(`${dir}: more than ${limits.maxEntries} entries`);
      names.push({ name: d.name, kind: d.isDirectory() ? 'dir' : d.isFile() ? 'file' : d.isSymbolicLink() ? 'link' : 'other' });
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { name, kind } of names) {
      const childRel = rel ? `${rel}/${name}` : name;
      const verdict = normaliseEntryName(childRel, limits);
      if (!verdict.ok) {
        skipped.push({ name: childRel, reason: verdict.reason });
        continue;
      }
      if (kind === 'dir') await walk(join(abs, name), childRel, depth + 1);
      else if (kind === 'link') skipped.push({ name: childRel, reason: 'symlink (only regular files are read)' });
      else if (kind === 'other') skipped.push({ name: childRel, reason: 'special file (only regular files are read)' });
      else {
        // manifest.json is outside the kept totals, as in read-bundle.ts
        const manifest = isManifestPath(verdict.path);
        const room = Math.min(limits.maxEntryBytes, manifest ? Infinity : limits.maxKeptBytes - kept);
        const file = await readCapped(join(abs, name), Math.max(0, room));
        if (file === null) {
          skipped.push({ name: childRel, reason: 'cannot read' });
          continue;
        }
        if (manifest) {
          files.set(verdict.path, { path: verdict.path, ...file });
          continue;
        }
        const part = keepPrefix(file.bytes, Infinity, Math.min(limits.maxEntryLines, limits.maxKeptLines - keptLines));
        kept += part.take;
        keptLines += part.lines;
        const cut = part.take < file.bytes.length;
        files.set(verdict.path, {
          path: verdict.path,
          bytes: cut ? file.bytes.subarray(0, part.take) : file.bytes,
          truncated: file.truncated || cut,
        });
      }
    }
  }

  await walk(dir, '', 0);
  if (files.size === 0) throw new BundleError(`${dir}: the directory holds no readable files`);
  const { root, files: stripped } = stripTopDirectory(files);
  return { source: dir, format: 'directory', root, files: stripped, skipped, lost: null };
}

async function readCapped(path: string, cap: number): Promise<{ bytes: Buffer; truncated: boolean } | null> {
  // O_NOFOLLOW: a file swapped for a symlink between listing and opening is refused.
  const fh = await open(path, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW).catch(() => null);
  if (!fh) return null;
  try {
    const info = await fh.stat();
    if (!info.isFile()) return null;
    const want = Math.max(0, Math.min(cap, info.size));
    const buf = Buffer.alloc(want);
    let got = 0;
    while (got < want) {
      const { bytesRead } = await fh.read(buf, got, want - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return { bytes: buf.subarray(0, got), truncated: info.size > got };
  } finally {
    await fh.close();
  }
}
