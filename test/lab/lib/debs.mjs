// Debian packages the lab needs but never installs: fetched with `apt-get download` into
// test/lab/.cache/debs/ (once) and unpacked with dpkg-deb where a caller wants their files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from './paths.mjs';

export const DEBS = join(CACHE, 'debs');

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });

/** `name` or `name:arch` → [name, arch or undefined]. */
function splitSpec(spec) {
  const i = spec.indexOf(':');
  return i < 0 ? [spec, undefined] : [spec.slice(0, i), spec.slice(i + 1)];
}

/** The cached .deb of `spec` (`name` or `name:arch`), downloaded first when absent; returns its path. */
export function fetchDeb(spec) {
  const [name, arch] = splitSpec(spec);
  const find = () =>
    readdirSync(DEBS).find(
      (f) => f.startsWith(`${name}_`) && (arch ? f.endsWith(`_${arch}.deb`) || f.endsWith('_all.deb') : f.endsWith('.deb')),
    );
  mkdirSync(DEBS, { recursive: true });
  let deb = find();
  if (!deb) {
    sh('apt-get', ['download', spec], { cwd: DEBS, stdio: ['ignore', 'ignore', 'inherit'] });
    deb = find();
    if (!deb) throw new Error(`apt-get download ${spec} produced no .deb`);
  }
  return join(DEBS, deb);
}

/** A field of a .deb's control file (Version, Package, Architecture). */
export function debField(deb, field) {
  return sh('dpkg-deb', ['-f', deb, field]).trim();
}

/**
 * Packages `spec` needs to run, itself included: the Depends closure apt-cache computes for the
 * architecture of `spec` (virtual packages and other architectures' packages left out).
 */
export function dependencyClosure(spec) {
  const [, arch] = splitSpec(spec);
  const out = sh('apt-cache', [
    'depends',
    '--recurse',
    '--no-recommends',
    '--no-suggests',
    '--no-conflicts',
    '--no-breaks',
    '--no-replaces',
    '--no-enhances',
    spec,
  ]);
  const names = out
    .split('\n')
    .filter((l) => l && !l.startsWith(' ') && !l.startsWith('<'))
    .filter((l) => !arch || l.endsWith(`:${arch}`));
  return [...new Set(names)].sort();
}

/**
 * Every package of `specs` unpacked into one directory under .cache/ (`key` names it); done once,
 * marked by a `.unpacked` file listing the packages and their versions. Returns the directory.
 */
export function unpackDebs(key, specs) {
  const dir = join(CACHE, 'unpacked', key);
  const mark = join(dir, '.unpacked');
  if (existsSync(mark)) return dir;
  const debs = specs.map(fetchDeb);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const deb of debs) sh('dpkg-deb', ['-x', deb, dir]);
  writeFileSync(
    mark,
    debs.map((d) => `${debField(d, 'Package')} ${debField(d, 'Version')} ${debField(d, 'Architecture')}`).join('\n') + '\n',
  );
  return dir;
}
