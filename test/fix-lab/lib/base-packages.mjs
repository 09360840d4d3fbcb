// What the base image is made of: Debian bookworm packages by name (the 6.1 kernel through the
// linux-image-amd64 metapackage, as an installer puts it; the 6.12 kernel of bookworm-backports by
// its image package), and the versions apt would install now, which key the cached image.
import { execFileSync } from 'node:child_process';
import { resolvePackage } from '../../lab/lib/kernels.mjs';

/** Packages of a small BIOS host: init, udev, modules, initramfs, the boot loader, both kernels, lspci. */
export function basePackages() {
  return [
    'systemd',
    'systemd-sysv',
    'udev',
    'kmod',
    'initramfs-tools',
    'zstd',
    'grub-pc',
    'linux-image-amd64',
    resolvePackage('6.12'),
    'pciutils',
    'usbutils',
    'e2fsprogs',
    'util-linux',
    'procps',
    'debian-archive-keyring',
  ];
}

/** name → the version apt would install (its candidate); throws when one has none. */
export function candidateVersions(packages) {
  const out = execFileSync('apt-cache', ['policy', ...packages], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const versions = {};
  let current = null;
  for (const line of out.split('\n')) {
    const head = /^(\S+):$/.exec(line);
    if (head) current = head[1];
    const cand = /^\s+Candidate: (\S+)$/.exec(line);
    if (cand && current) versions[current] = cand[1];
  }
  for (const p of packages)
    if (!versions[p] || versions[p] === '(none)')
      throw new Error(`apt has no candidate for ${p} (apt-get update, bookworm-backports in the sources?)`);
  return versions;
}
