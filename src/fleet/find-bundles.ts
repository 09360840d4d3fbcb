/**
 * Fleet inputs: the bundle files named, and the bundle files (*.tgz, *.tar.gz, *.tar, *.tar.xz)
 * directly inside a named directory that is not itself a bundle. Links found in such a directory
 * are listed too, so that analyze-host.ts refuses them by name: a fleet never follows a symbolic
 * link (`etc.tgz -> /etc` must not make the engineer's /etc a host). A name that cannot be listed
 * or looked at is passed on as is, for the reader to name the problem in one line.
 */
import { lstatSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT_TOPS } from '../bundle/strip-top-directory.js';
import { BUNDLE_NAME } from './host-names.js';

/** The names in a directory, or null when it cannot be listed. */
function list(dir: string): Dirent[] | null {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
}

function holdsBundleLayout(entries: readonly Dirent[]): boolean {
  return entries.some((e) => e.name === 'manifest.json' || e.name === 'sos_commands' || LAYOUT_TOPS.has(e.name));
}

/**
 * A directory is one bundle when it holds a manifest, a sosreport, evidence in the bundle layout
 * (proc/, etc/, commands/ … without a manifest), or a single top directory (not a link) of one.
 */
export function isBundleDirectory(dir: string): boolean {
  const entries = list(dir);
  if (entries === null) return false;
  if (holdsBundleLayout(entries)) return true;
  const only = entries.length === 1 ? entries[0] : undefined;
  if (!only?.isDirectory()) return false;
  const inner = list(join(dir, only.name));
  return inner !== null && holdsBundleLayout(inner);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function expandFleetInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    const entries = isDirectory(input) && !isBundleDirectory(input) ? list(input) : null;
    if (entries === null) {
      out.push(input);
      continue;
    }
    out.push(
      ...entries
        .filter((d) => BUNDLE_NAME.test(d.name) && (d.isFile() || d.isSymbolicLink()))
        .map((d) => d.name)
        .sort()
        .map((n) => join(input, n)),
    );
  }
  return out;
}

/** Why a fleet will not read this input (a symbolic link), or null. */
export function refusedFleetInput(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? `${path} is a symbolic link; a fleet run does not follow links` : null;
  } catch {
    return null;
  }
}
