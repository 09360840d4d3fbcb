#!/usr/bin/env node
// Builds the initramfs of one lab scenario: static busybox of the guest's architecture, the
// scenario's kernel modules (with their dependencies, decompressed for busybox insmod), /init
// (test/lab/init.sh), the product's shell collector, optional real lspci with its libraries, and
// the scenario's /etc and /boot trees.
//
//   node test/lab/build-initramfs.mjs <scenario>   → test/lab/.cache/build/<scenario>/initramfs.cpio.gz
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE, LAB, REPO } from './lib/paths.mjs';
import { ensureKernel, moduleLoadOrder } from './lib/kernels.mjs';
import { actionsScript, loadScenario, moduleParams, treeFiles } from './lib/scenario.mjs';
import { archOf, platformOf } from './lib/arch.mjs';
import { guestBusybox, guestLspci } from './lib/guest-tools.mjs';

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });

/** Host files in a fixed-install-time state: every staged file gets this mtime unless the scenario says otherwise. */
const INSTALL_TIME = new Date('2024-05-02T09:30:00Z');

export const COLLECTOR = join(REPO, 'src/collector/collect.sh');

export function buildInitramfs(name) {
  const s = loadScenario(name);
  const arch = archOf(s);
  const kernel = ensureKernel(s.kernel, arch);
  const out = join(CACHE, 'build', name);
  const root = join(out, 'root');
  rmSync(out, { recursive: true, force: true });
  for (const d of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'proc', 'sys', 'dev', 'tmp', 'run', 'etc', 'root', 'lab', 'boot', 'var/log']) {
    mkdirSync(join(root, d), { recursive: true });
  }
  const put = (dest, data, mode = 0o644) => {
    const p = join(root, dest);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
    chmodSync(p, mode);
  };
  const copy = (src, dest = src) => {
    const p = join(root, dest);
    mkdirSync(dirname(p), { recursive: true });
    copyFileSync(src, p);
  };

  // busybox and its applet links (at the paths busybox itself lists); a busybox that cannot run
  // here gets /bin/sh only and links the rest itself at boot (init.sh)
  const busybox = guestBusybox(arch);
  copy(busybox.bin, 'bin/busybox');
  chmodSync(join(root, 'bin/busybox'), 0o755);
  for (const applet of busybox.applets ?? ['bin/sh']) {
    const p = join(root, applet);
    if (existsSync(p) || applet === 'bin/busybox') continue;
    mkdirSync(dirname(p), { recursive: true });
    symlinkSync('/bin/busybox', p);
  }
  put('lab/out-tty', `${platformOf(s).outTty}\n`);

  put('init', readFileSync(join(LAB, 'init.sh')), 0o755);
  put('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  put('etc/group', 'root:x:0:\nnogroup:x:65534:\n');

  // scenario trees (/etc, /boot); @KVER@ stands for the running kernel's release
  const files = treeFiles(s);
  for (const f of files) put(f.dest, readFileSync(f.src, 'utf8').replaceAll('@KVER@', kernel.kver));
  copy(kernel.config, `boot/config-${kernel.kver}`);

  // modules: dependency order from modules.dep, decompressed (busybox insmod reads plain .ko)
  const modDir = join(kernel.root, 'lib/modules', kernel.kver);
  const wanted = s.modules.map((m) => (typeof m === 'string' ? { name: m } : m));
  const listed = [];
  for (const path of moduleLoadOrder(
    kernel,
    wanted.map((m) => m.name),
  )) {
    const plain = path.replace(/\.xz$/, '');
    const dest = join(root, 'lib/modules', kernel.kver, plain);
    mkdirSync(dirname(dest), { recursive: true });
    if (path.endsWith('.xz')) writeFileSync(dest, execFileSync('xz', ['-dc', join(modDir, path)], { maxBuffer: 256 << 20 }));
    else copyFileSync(join(modDir, path), dest);
    const modname = plain.split('/').pop().replace(/\.ko$/, '').replace(/-/g, '_');
    const own = wanted.find((m) => m.name.replace(/-/g, '_') === modname);
    const params = [...moduleParams(s, files, modname), ...(own?.params ?? [])];
    listed.push(`${plain} ${params.join(' ')}`.trim());
  }
  put('lab/modules.list', listed.join('\n') + '\n');
  // depmod's indexes, so tools on the "host" (lspci -k "Kernel modules:") see the whole kernel
  for (const f of readdirSync(modDir).filter((f) => f.startsWith('modules.'))) copy(join(modDir, f), join('lib/modules', kernel.kver, f));

  put('lab/actions.sh', actionsScript(s));
  put('lab/collect-uid', `${s.collectAs ?? 0}\n`);
  if (s.collector !== false && existsSync(COLLECTOR)) put('lab/collect.sh', readFileSync(COLLECTOR), 0o755);

  if (s.lspci) {
    for (const f of guestLspci(arch)) copy(f.src, f.dest);
    chmodSync(join(root, 'usr/bin/lspci'), 0o755);
  }

  // mtimes: staged files look installed long before this boot; scenarios can pin others
  sh('find', [root, '-not', '-type', 'l', '-exec', 'touch', '-d', INSTALL_TIME.toISOString(), '{}', '+']);
  for (const [p, when] of Object.entries(s.mtimes ?? {})) {
    const t = new Date(when);
    utimesSync(join(root, p.replace(/^\/+/, '')), t, t);
  }

  const cpio = join(out, 'initramfs.cpio.gz');
  sh('sh', ['-c', 'cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -1 > "$2"', 'x', root, cpio]);
  return { scenario: s, kernel, cpio, dir: out, busybox: busybox.version };
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: build-initramfs.mjs <scenario>');
    process.exitCode = 2;
  } else {
    console.log(buildInitramfs(name).cpio);
  }
}
