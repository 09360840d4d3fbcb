// The userland an initramfs carries, for the guest's architecture: busybox-static and, for scenarios
// with "lspci": true, lspci with its shared libraries and pci.ids. amd64 guests get the build host's
// own files; other architectures get Debian's packages of that architecture, fetched with
// `apt-get download` and unpacked (never installed).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { debField, dependencyClosure, fetchDeb, unpackDebs } from './debs.mjs';

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });

/** Multiarch library directory of a Debian architecture. */
const TRIPLET = { arm64: 'aarch64-linux-gnu' };

/**
 * busybox for the guest: { bin (file to copy to /bin/busybox), applets (paths busybox links, or
 * null when it links them itself at boot because it cannot run here), version (for READMEs) }.
 */
export function guestBusybox(arch) {
  if (arch === 'amd64') {
    return {
      bin: '/bin/busybox',
      applets: sh('/bin/busybox', ['--list-full']).split('\n').filter(Boolean),
      version: `busybox ${/BusyBox (v[\d.]\S*)/.exec(sh('/bin/busybox', []))?.[1] ?? '?'}`,
    };
  }
  const spec = `busybox-static:${arch}`;
  const dir = unpackDebs(`busybox-${arch}`, [spec]);
  return { bin: join(dir, 'bin/busybox'), applets: null, version: `Debian busybox-static:${arch} ${debField(fetchDeb(spec), 'Version')}` };
}

/** Files of a host binary plus the shared libraries `ldd` names (and the dynamic loader). */
function withLibs(bin) {
  const files = [bin];
  for (const line of sh('ldd', [bin]).split('\n')) {
    const m = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
    if (m) files.push(m[1]);
  }
  return files;
}

/**
 * lspci for the guest: [{ src, dest }] (dest relative to the initramfs root). On another
 * architecture: lspci, the dynamic loader and every shared library of the packages lspci depends
 * on (apt's Depends closure of pciutils), which is a superset of what it loads.
 */
export function guestLspci(arch) {
  const pciIds = { src: '/usr/share/misc/pci.ids', dest: 'usr/share/misc/pci.ids' };
  if (arch === 'amd64') return [...withLibs('/usr/bin/lspci').map((f) => ({ src: f, dest: f.replace(/^\/+/, '') })), pciIds];
  const triplet = TRIPLET[arch];
  if (!triplet) throw new Error(`no multiarch triplet known for ${arch}`);
  const dir = unpackDebs(`pciutils-${arch}`, dependencyClosure(`pciutils:${arch}`));
  const files = [{ src: join(dir, 'usr/bin/lspci'), dest: 'usr/bin/lspci' }];
  for (const libDir of [`lib/${triplet}`, `usr/lib/${triplet}`]) {
    if (!existsSync(join(dir, libDir))) continue;
    for (const f of readdirSync(join(dir, libDir))) {
      // the loader and the libraries; statSync follows symlinks, so a soname link becomes a copy
      if (!/\.so(?:\.\d+)*$/.test(f) || !statSync(join(dir, libDir, f)).isFile()) continue;
      files.push({ src: join(dir, libDir, f), dest: join(libDir, f) });
    }
  }
  // the ELF interpreter lspci names (/lib/ld-linux-aarch64.so.1)
  const interp = /\/lib\/(ld-linux-[\w-]+\.so\.\d+)/.exec(readFileSync(join(dir, 'usr/bin/lspci'), 'latin1'));
  if (!interp) throw new Error(`no dynamic loader named in ${arch} lspci`);
  files.push({ src: join(dir, 'lib', interp[1]), dest: join('lib', interp[1]) });
  return [...files, pciIds];
}
