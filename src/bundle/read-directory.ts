/**
 * Read an unpacked bundle (or sosreport) directory with the same limits and refusals as an
 * archive: symlinks are never followed, only regular files are read, each up to maxEntryBytes,
 * all of them within the kept budgets (kept-files.ts). A directory that cannot be listed is one
 * line (BundleError); a subdirectory that cannot be listed is recorded as refused.
 */
import { constants as fsConstants } from 'node:fs';
import { open, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { BundleError } from './bundle-error.js';
import type { Bundle, SkippedEntry } from './bundle.js';
import { normaliseEntryName } from './entry-name.js';
import { fsProblem } from './fs-problem.js';
import { KeptFiles } from './kept-files.js';
import { LIMITS, type Limits } from './limits.js';
import { stripTopDirectory } from './strip-top-directory.js';

type Kind = 'dir' | 'file' | 'link' | 'other';

export async function readBundleDirectory(dir: string, limits: Limits = LIMITS): Promise<Bundle> {
  const kept = new KeptFiles(limits);
  const skipped: SkippedEntry[] = [];
  let entries = 0;

  async function list(abs: string): Promise<{ name: string; kind: Kind }[]> {
    const handle = await opendir(abs);
    const names: { name: string; kind: Kind }[] = [];
    for await (const d of handle) {
      entries += 1;
      if (entries > limits.maxEntries) throw new BundleError(`${dir}: more than ${limits.maxEntries} entries`);
      names.push({ name: d.name, kind: d.isDirectory() ? 'dir' : d.isFile() ? 'file' : d.isSymbolicLink() ? 'link' : 'other' });
    }
    return names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  async function walk(abs: string, rel: string, names: readonly { name: string; kind: Kind }[]): Promise<void> {
    for (const { name, kind } of names) {
      const childRel = rel ? `${rel}/${name}` : name;
      const verdict = normaliseEntryName(childRel, limits);
      if (!verdict.ok) skipped.push({ name: childRel, reason: verdict.reason });
      else if (kind === 'link') skipped.push({ name: childRel, reason: 'symlink (only regular files are read)' });
      else if (kind === 'other') skipped.push({ name: childRel, reason: 'special file (only regular files are read)' });
      else if (kind === 'dir') {
        const children = await list(join(abs, name)).catch((e: unknown) => {
          if (e instanceof BundleError) throw e;
          skipped.push({ name: childRel, reason: `cannot list the directory: ${fsProblem(e)}` });
          return null;
        });
        if (children) await walk(join(abs, name), childRel, children);
      } else if (kept.files.has(verdict.path)) skipped.push({ name: childRel, reason: 'duplicate name (the first copy is used)' });
      else {
        const file = await readCapped(join(abs, name), kept.begin(verdict.path));
        if (file === null) {
          skipped.push({ name: childRel, reason: 'cannot read' });
          kept.cancel();
          continue;
        }
        kept.push(file.bytes);
        kept.end(file.truncated);
      }
    }
  }

  const top = await list(dir).catch((e: unknown) => {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`cannot list ${dir}: ${fsProblem(e)}`);
  });
  await walk(dir, '', top);
  if (kept.files.size === 0) throw new BundleError(`${dir}: the directory holds no readable files`);
  const { root, files } = stripTopDirectory(kept.files);
  return { source: dir, format: 'directory', root, files, skipped, lost: null };
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
