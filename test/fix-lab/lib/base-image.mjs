// The base image every scenario boots (through a qcow2 overlay of its own): a Debian 12 system
// installed from Debian's packages by mmdebstrap, put on a disk image without loop devices or
// mounts (sfdisk writes the partition table, mke2fs -d fills the ext4 root from the folder), then
// booted once with -kernel/-initrd so that the installed system itself runs grub-install onto its
// disk and update-grub, as debian-installer does in its target. From then on every boot goes
// through SeaBIOS, GRUB's own grub.cfg, the installed initramfs and systemd.
//
// Cached under CACHE/base-<key>/, the key being the candidate versions of the packages and the
// files that shape the image, so a new kernel or grub upload builds a new image.
import { createHash, randomUUID } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
  openSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { basePackages, candidateVersions } from './base-packages.mjs';
import { machineArgs } from './machine.mjs';
import { CACHE, GUEST } from './paths.mjs';
import { runQemu } from './run-qemu.mjs';

const DISK_BYTES = 4 * 2 ** 30;
const PART_START = 2048; // sectors: 1 MiB, room for GRUB's core image after the MBR
const INSTALL_TIMEOUT_MS = Number(process.env.FIXLAB_INSTALL_TIMEOUT_MS ?? 20 * 60_000);
/** Bump when the way the image is made changes in a way the hashed files do not show. */
const RECIPE = 1;

const sh = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });

function keyOf(versions) {
  const h = createHash('sha256');
  h.update(JSON.stringify({ RECIPE, versions }));
  for (const f of readdirSync(GUEST).sort()) h.update(`${f}\0${readFileSync(join(GUEST, f))}\0`);
  return h.digest('hex').slice(0, 12);
}

/** The host's apt sources for bookworm (the guest gets the same mirrors and suites). */
function hostSources() {
  const dir = '/etc/apt/sources.list.d';
  const files = [
    ...(existsSync('/etc/apt/sources.list') ? ['/etc/apt/sources.list'] : []),
    ...(existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => /\.(?:list|sources)$/.test(f))
          .map((f) => join(dir, f))
      : []),
  ];
  const bookworm = files.filter((f) => /^\s*(?:Suites:.*\bbookworm\b|deb\s.*\sbookworm\S*\s)/m.test(readFileSync(f, 'utf8')));
  if (!bookworm.some((f) => /bookworm-backports/.test(readFileSync(f, 'utf8'))))
    throw new Error('bookworm-backports is not in the apt sources (the 6.12 kernel comes from there)');
  return bookworm;
}

function bootstrap({ packages, root, debs, uuid, buildLog, log, key }) {
  log(`base image ${key}: mmdebstrap bookworm (${packages.length} packages and their dependencies) → ${root}`);
  const fd = openSync(buildLog, 'w');
  const r = spawnSync(
    'mmdebstrap',
    [
      '--mode=root',
      '--variant=minbase',
      '--architectures=amd64',
      `--include=${packages.join(',')}`,
      '--aptopt=APT::Install-Recommends "false"',
      // reuse .deb files of earlier builds (mmdebstrap(1), "sync-in"/"sync-out")
      '--skip=download/empty',
      '--skip=essential/unlink',
      '--setup-hook=mkdir -p "$1"/var/cache/apt/archives/',
      `--setup-hook=sync-in ${debs} /var/cache/apt/archives/`,
      `--customize-hook=sync-out /var/cache/apt/archives ${debs}`,
      '--customize-hook=rm -f "$1"/var/cache/apt/archives/*.deb',
      `--customize-hook=sh ${join(GUEST, 'customize.sh')} "$1" ${uuid} ${GUEST}`,
      '--format=directory',
      'bookworm',
      root,
      ...hostSources(),
    ],
    { stdio: ['ignore', fd, fd], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
  );
  closeSync(fd);
  if (r.status !== 0) throw new Error(`mmdebstrap failed (exit ${r.status ?? r.signal}); see ${buildLog}`);
}

/** The disk image from the installed root: kernels and packages it holds, the kernel and initramfs the install boot starts. */
function makeDisk({ work, root, qcow, uuid, log, key, buildLog }) {
  const boot = readdirSync(join(root, 'boot'));
  const kernels = {};
  for (const series of ['6.1', '6.12']) {
    const v = boot.filter((f) => f.startsWith(`vmlinuz-${series}.`)).map((f) => f.slice(8));
    if (v.length !== 1) throw new Error(`expected one ${series} kernel in /boot, found ${v.join(', ') || 'none'}`);
    kernels[series] = v[0];
  }
  for (const kver of Object.values(kernels))
    if (!boot.includes(`initrd.img-${kver}`)) throw new Error(`no initramfs for ${kver}: see ${buildLog}`);
  const installed = sh('dpkg-query', [`--admindir=${join(root, 'var/lib/dpkg')}`, '-W', '-f', '${Package} ${Version}\n'])
    .trim()
    .split('\n');
  // the install boot starts the stock kernel directly
  copyFileSync(join(root, 'boot', `vmlinuz-${kernels['6.1']}`), join(work, 'vmlinuz'));
  copyFileSync(join(root, 'boot', `initrd.img-${kernels['6.1']}`), join(work, 'initrd.img'));

  log(`base image ${key}: disk (sfdisk, mke2fs -d)`);
  const raw = join(work, 'disk.raw');
  writeFileSync(raw, '');
  sh('truncate', ['-s', String(DISK_BYTES), raw]);
  sh('sfdisk', ['--quiet', raw], { input: `label: dos\nstart=${PART_START}, type=83, bootable\n` });
  const fsKiB = (DISK_BYTES - PART_START * 512) / 1024;
  sh('mke2fs', ['-q', '-F', '-t', 'ext4', '-L', 'root', '-U', uuid, '-E', `offset=${PART_START * 512}`, '-d', root, raw, `${fsKiB}k`]);
  rmSync(root, { recursive: true, force: true });
  sh('qemu-img', ['convert', '-O', 'qcow2', raw, qcow]);
  rmSync(raw);

  return { kernels, installed };
}

/** Info about the cached image, building it first when it is not there. `log` gets progress lines. */
export async function ensureBaseImage({ log = () => {} } = {}) {
  const packages = basePackages();
  const versions = candidateVersions(packages);
  const key = keyOf(versions);
  const dir = join(CACHE, `base-${key}`);
  const infoPath = join(dir, 'image.json');
  if (existsSync(infoPath)) return { ...JSON.parse(readFileSync(infoPath, 'utf8')), cached: true };

  const t0 = Date.now();
  const work = join(CACHE, 'build', key);
  // the installed tree is built outside the work tree: tools that walk the repository (prettier,
  // eslint) must never meet the chroot's /proc while mmdebstrap has it mounted
  const root = join(tmpdir(), `ptdoctor-fixlab-root-${key}`);
  const debs = join(CACHE, 'debs');
  const buildLog = join(work, 'mmdebstrap.log');
  // a root that mmdebstrap finished is kept when a later step fails, and reused
  const done = join(work, 'bootstrapped');
  const resume = existsSync(done) && (existsSync(root) || existsSync(join(work, 'disk.json')));
  const uuid = resume ? readFileSync(done, 'utf8').trim() : randomUUID();
  if (!resume) {
    rmSync(work, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
    mkdirSync(debs, { recursive: true });
    mkdirSync(work, { recursive: true });
    bootstrap({ packages, root, debs, uuid, buildLog, log, key });
    writeFileSync(done, `${uuid}\n`);
  }
  const bootstrapMs = Date.now() - t0;

  const diskInfo = join(work, 'disk.json');
  const fresh = join(work, 'fresh.qcow2');
  if (!existsSync(diskInfo)) writeFileSync(diskInfo, JSON.stringify(makeDisk({ work, root, qcow: fresh, uuid, log, key, buildLog })));
  const { kernels, installed } = JSON.parse(readFileSync(diskInfo, 'utf8'));
  const diskMs = Date.now() - t0 - bootstrapMs;

  log(`base image ${key}: install boot (grub-install, update-grub inside the installed system)`);
  // the install boot writes to a copy, so that a failed one can be tried again from the fresh disk
  const qcow = join(work, 'base.qcow2');
  copyFileSync(fresh, qcow);
  const share = join(work, 'share');
  rmSync(share, { recursive: true, force: true });
  mkdirSync(share, { recursive: true });
  const consoleLog = join(work, 'install-console.log');
  const run = await runQemu(
    machineArgs({
      disk: qcow,
      share,
      consoleLog,
      direct: {
        kernel: join(work, 'vmlinuz'),
        initrd: join(work, 'initrd.img'),
        append: `root=UUID=${uuid} ro console=ttyS0,115200n8`,
      },
    }),
    { timeoutMs: INSTALL_TIMEOUT_MS, stderrFile: join(work, 'install-qemu.stderr') },
  );
  const rc = existsSync(join(share, 'install.rc')) ? readFileSync(join(share, 'install.rc'), 'utf8').trim() : null;
  if (rc !== '0')
    throw new Error(
      `the install boot failed (qemu ${run.code}, install.rc ${rc ?? 'missing'}); see ${consoleLog} and ${join(share, 'install.log')}`,
    );
  const installBootMs = run.ms;

  mkdirSync(dir, { recursive: true });
  renameSync(qcow, join(dir, 'base.qcow2'));
  copyFileSync(join(share, 'install.log'), join(dir, 'install.log'));
  const info = {
    key,
    image: join(dir, 'base.qcow2'),
    uuid,
    kernels,
    versions,
    installed,
    builtAt: new Date().toISOString(),
    buildMs: Date.now() - t0,
    bootstrapMs,
    diskMs,
    installBootMs,
  };
  writeFileSync(infoPath, JSON.stringify(info, null, 2));
  rmSync(work, { recursive: true, force: true });
  // an image of other package versions is not used again: keep one image (about 1 GB) in the cache
  for (const old of readdirSync(CACHE).filter((d) => d.startsWith('base-') && d !== `base-${key}`))
    rmSync(join(CACHE, old), { recursive: true, force: true });
  return { ...info, cached: false };
}
