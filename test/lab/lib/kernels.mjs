// Debian kernels for the lab: resolved through the `linux-image-<arch>` metapackage of each series
// (bookworm / bookworm-security for 6.1, bookworm-backports for 6.12), downloaded with
// `apt-get download` (no installation on the host) and unpacked under test/lab/.cache/kernels/.
// arm64 kernels need the arm64 dpkg architecture (`dpkg --add-architecture arm64 && apt-get update`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from './paths.mjs';
import { debField, fetchDeb } from './debs.mjs';

/** Kernel series the lab boots; 6.1 still has vfio_virqfd as a module, 6.2+ merged it into vfio. */
export const SERIES = ['6.1', '6.12'];

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });

/** The metapackage of an architecture, as apt names it on this (amd64) host. */
const metapackage = (arch) => (arch === 'amd64' ? 'linux-image-amd64' : `linux-image-${arch}:${arch}`);

/**
 * The image package the metapackage of `series` depends on, e.g. linux-image-6.1.0-56-amd64 or
 * linux-image-6.1.0-57-arm64:arm64. LAB_KERNEL_PKG_6_1 / LAB_KERNEL_PKG_ARM64_6_1 pin one.
 */
export function resolvePackage(series, arch = 'amd64') {
  const key = `LAB_KERNEL_PKG_${arch === 'amd64' ? '' : `${arch.toUpperCase()}_`}${series.replace('.', '_')}`;
  const override = process.env[key];
  if (override) return arch === 'amd64' || override.includes(':') ? override : `${override}:${arch}`;
  const meta = metapackage(arch);
  const versions = sh('apt-cache', ['madison', meta])
    .split('\n')
    .map((l) => l.split('|')[1]?.trim())
    .filter((v) => v && v.startsWith(`${series}.`));
  if (versions.length === 0) {
    const hint = arch === 'amd64' ? '' : `, dpkg architecture ${arch} added (dpkg --add-architecture ${arch} && apt-get update)`;
    throw new Error(`no ${meta} ${series}.x in the apt sources (bookworm-backports configured${hint}?)`);
  }
  // madison lists the newest first
  const deps = sh('apt-cache', ['depends', `${meta}=${versions[0]}`]);
  const m = /Depends: (linux-image-\S+)/.exec(deps);
  if (!m) throw new Error(`${meta}=${versions[0]} has no linux-image dependency`);
  return m[1];
}

/** Where the kernel of `series` is unpacked (amd64 kept its original place, kernels/<series>). */
const kernelDir = (series, arch) => join(CACHE, 'kernels', arch === 'amd64' ? series : `${arch}-${series}`);

/**
 * Make sure the kernel of `series` for `arch` (Debian architecture: amd64, arm64) is unpacked;
 * returns where its parts are: { series, arch, pkg, version, kver, vmlinuz, config, root (holds lib/modules/<kver>) }
 */
export function ensureKernel(series, arch = 'amd64') {
  const dir = kernelDir(series, arch);
  const infoPath = join(dir, 'kernel.json');
  if (existsSync(infoPath)) return JSON.parse(readFileSync(infoPath, 'utf8'));
  const spec = resolvePackage(series, arch);
  const deb = fetchDeb(spec);
  const pkg = spec.replace(/:.*$/, '');
  const version = debField(deb, 'Version');
  rmSync(dir, { recursive: true, force: true });
  const root = join(dir, 'root');
  mkdirSync(root, { recursive: true });
  sh('sh', ['-c', 'dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2" ./boot ./lib/modules', 'x', deb, root]);
  const kver = readdirSync(join(root, 'lib/modules'))[0];
  // modules.dep / modules.alias (the package ships none; its postinst runs depmod)
  sh('depmod', ['-b', root, kver]);
  const info = {
    series,
    arch,
    pkg,
    version,
    kver,
    vmlinuz: join(root, 'boot', `vmlinuz-${kver}`),
    config: join(root, 'boot', `config-${kver}`),
    root,
  };
  writeFileSync(infoPath, JSON.stringify(info, null, 2));
  return info;
}

/** Dependency-closed load order for module names (as in modules.dep), deepest first. */
export function moduleLoadOrder(kernel, names) {
  const modDir = join(kernel.root, 'lib/modules', kernel.kver);
  const dep = new Map();
  const byName = new Map();
  for (const line of readFileSync(join(modDir, 'modules.dep'), 'utf8').split('\n')) {
    const i = line.indexOf(':');
    if (i < 0) continue;
    const path = line.slice(0, i);
    dep.set(
      path,
      line
        .slice(i + 1)
        .trim()
        .split(/\s+/)
        .filter(Boolean),
    );
    byName.set(modName(path), path);
  }
  const order = [];
  const visit = (path) => {
    if (order.includes(path)) return;
    // modules.dep already lists the full transitive closure, deepest last
    for (const d of [...(dep.get(path) ?? [])].reverse()) if (!order.includes(d)) order.push(d);
    order.push(path);
  };
  for (const n of names) {
    const path = byName.get(n.replace(/-/g, '_'));
    if (!path) throw new Error(`module ${n} not in ${kernel.pkg} ${kernel.kver} (built in?)`);
    visit(path);
  }
  return order;
}

export const modName = (path) =>
  path
    .split('/')
    .pop()
    .replace(/\.ko(\.xz|\.zst|\.gz)?$/, '')
    .replace(/-/g, '_');
