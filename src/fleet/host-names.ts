/**
 * Report file names for the hosts of a fleet, from their bundle file names: safe characters only,
 * never two alike, and never two that a case-insensitive file system (macOS, Windows, many
 * shares a report directory is copied to) would take for one file. Bundle file names are chosen
 * by whoever sent them, so `a b.tgz`, `a_b.tgz` and `A_B.tgz` all arrive, as do names of
 * thousands of bytes: a long name keeps its start and gains a hash of the whole name, so it
 * stays recognisable, distinct, and well under the 255-byte file name limit with its extension.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';

export const BUNDLE_NAME = /\.(?:tgz|tar\.gz|tar|tar\.xz|txz)$/i;
/** Characters of a host name kept before its hash; with `-` and 12 hex digits, 92 in all. */
const KEEP_CHARS = 79;
const MAX_CHARS = 92;

function safeName(path: string): string {
  const file = basename(path);
  const base =
    file
      .replace(BUNDLE_NAME, '')
      .replace(/[^\w.-]/g, '_')
      .replace(/^\./, '_') || 'host';
  if (base.length <= MAX_CHARS) return base;
  return `${base.slice(0, KEEP_CHARS)}-${createHash('sha256').update(file).digest('hex').slice(0, 12)}`;
}

export function hostNames(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((p) => {
    const base = safeName(p);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}-${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
