/**
 * Collectors (ours and sos) put everything under one top directory named after the host and
 * time. Strip it so paths read `proc/cmdline`, unless the archive already has a manifest at its
 * root or its files do not share one top directory.
 */
import type { BundleFile } from './bundle.js';

/** First components of evidence paths themselves: never a wrapper directory. */
export const LAYOUT_TOPS = new Set(['commands', 'proc', 'etc', 'boot', 'sys', 'var', 'usr', 'lib', 'run', 'dev', 'sos_commands']);

export function stripTopDirectory(files: Map<string, BundleFile>): { root: string | null; files: Map<string, BundleFile> } {
  if (files.has('manifest.json')) return { root: null, files };
  let top: string | null = null;
  for (const path of files.keys()) {
    const slash = path.indexOf('/');
    if (slash <= 0) return { root: null, files };
    const first = path.slice(0, slash);
    if (top === null) top = first;
    else if (top !== first) return { root: null, files };
  }
  if (top === null || LAYOUT_TOPS.has(top)) return { root: null, files };
  const cut = top.length + 1;
  const stripped = new Map<string, BundleFile>();
  for (const [path, file] of files) stripped.set(path.slice(cut), { ...file, path: path.slice(cut) });
  return { root: top, files: stripped };
}
