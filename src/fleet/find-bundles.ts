/**
 * Fleet inputs: the bundle files named, and the bundle files (*.tgz, *.tar.gz, *.tar, *.tar.xz)
 * directly inside a named directory that is not itself a bundle. Host names come from the file
 * names, made safe as report file names and unique.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LAYOUT_TOPS } from '../bundle/strip-top-directory.js';

const BUNDLE = /\.(tgz|tar\.gz|tar|tar\.xz|txz)$/i;

/**
 * A directory is one bundle when it holds a manifest, a sosreport, evidence in the bundle layout
 * (proc/, etc/, commands/ … without a manifest), or a single top directory of one.
 */
export function isBundleDirectory(dir: string): boolean {
  if (existsSync(join(dir, 'manifest.json')) || existsSync(join(dir, 'sos_commands'))) return true;
  const entries = readdirSync(dir);
  if (entries.some((e) => LAYOUT_TOPS.has(e))) return true;
  return (
    entries.length === 1 && statSync(join(dir, entries[0] as string)).isDirectory() && isBundleDirectory(join(dir, entries[0] as string))
  );
}

export function expandFleetInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (statSync(input, { throwIfNoEntry: false })?.isDirectory() && !isBundleDirectory(input))
      out.push(
        ...readdirSync(input)
          .filter((n) => BUNDLE.test(n))
          .sort()
          .map((n) => join(input, n)),
      );
    else out.push(input);
  }
  return out;
}

export function hostNames(paths: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((p) => {
    const base =
      basename(p)
        .replace(BUNDLE, '')
        .replace(/[^\w.-]/g, '_')
        .replace(/^\.+/, '_') || 'host';
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
