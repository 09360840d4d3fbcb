/**
 * The boot layout the fixes decide from (src/facts/boot-layout.ts): whether grub reads BLS entries,
 * which ESP grub.cfg files are stubs, whether /etc/kernel/cmdline holds a command line, and which
 * files assign the grub command-line variables, in grub-mkconfig's order. From the lab's UEFI
 * Debian boot and verbatim distribution files; an unreadable file is unknown (null), never "no".
 */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { bootLayout, hostPath, readBootFiles } from '../../src/facts/boot-layout.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const layoutOf = (overrides: Record<string, Override> = {}, sample = 'lab-intel-uefi-healthy') => {
  const bundle = sampleBundle(sample, overrides);
  return bootLayout(readBootFiles(evidenceSource(bundle, loadManifest(bundle).manifest)));
};

describe("the boot layout of the lab's UEFI Debian host", () => {
  const l = layoutOf();

  it('no GRUB_ENABLE_BLSCFG in /etc/default/grub, no BLS entry', () => {
    expect([l.blsEnabled, l.entries]).toEqual([false, []]);
  });

  it('its ESP grub.cfg (search.fs_uuid … configfile, three lines) is a stub', () => {
    expect(l.espGrubCfgs).toEqual([{ path: '/boot/efi/EFI/debian/grub.cfg', directory: 'debian', stub: true }]);
  });

  it('/etc/kernel/cmdline is absent: false', () => {
    expect(l.kernelCmdlineFile).toBe(false);
  });

  it('/etc/default/grub lines 9-10 assign GRUB_CMDLINE_LINUX_DEFAULT then GRUB_CMDLINE_LINUX', () => {
    expect(l.grubCmdlineAssignments).toEqual([
      { variable: 'GRUB_CMDLINE_LINUX_DEFAULT', file: '/etc/default/grub' },
      { variable: 'GRUB_CMDLINE_LINUX', file: '/etc/default/grub' },
    ]);
  });
});

describe('other layouts', () => {
  it('CentOS Stream 9: GRUB_ENABLE_BLSCFG=true (default-grub/centos-stream-9-blscfg.txt line 8)', () => {
    expect(layoutOf({ 'default-grub': fx('default-grub/centos-stream-9-blscfg.txt') }).blsEnabled).toBe(true);
  });

  it('a grub.d snippet appends to GRUB_CMDLINE_LINUX after /etc/default/grub', () => {
    const l = layoutOf({ 'default-grub-d': { status: 'ok', text: fx('default-grub/grub-d-append.cfg'), name: '90-passthrough.cfg' } });
    expect(l.grubCmdlineAssignments.at(-1)).toEqual({ variable: 'GRUB_CMDLINE_LINUX', file: '/etc/default/grub.d/90-passthrough.cfg' });
    expect(l.grubCmdlineAssignments).toHaveLength(3);
  });

  it('Proxmox on ZFS: /etc/kernel/cmdline holds the command line', () => {
    expect(layoutOf({ 'kernel-cmdline-file': fx('kernel-cmdline-file/proxmox-zfs.txt') }).kernelCmdlineFile).toBe(true);
  });

  it('BLS entries are listed by their host path', () => {
    const l = layoutOf({
      'bls-entries': {
        status: 'ok',
        text: fx('bls-entry/rocky-8.5-kernelopts.conf'),
        name: '6fa25ca775f64accb0d3e53f0e4e6e92-5.16.9-custom.conf',
      },
    });
    expect(l.entries).toEqual(['/boot/loader/entries/6fa25ca775f64accb0d3e53f0e4e6e92-5.16.9-custom.conf']);
  });
});

describe('what cannot be known', () => {
  it('/etc/default/grub unreadable and no grub.d: whether BLS is on is unknown (null), and no assignment is known', () => {
    const l = layoutOf({ 'default-grub': { status: 'denied' } });
    expect(l.blsEnabled).toBeNull();
    expect(l.grubCmdlineAssignments).toEqual([]);
  });

  it('/etc/kernel/cmdline unreadable: null, never "no command line there"', () => {
    expect(layoutOf({ 'kernel-cmdline-file': { status: 'denied' } }).kernelCmdlineFile).toBeNull();
    expect(layoutOf({ 'kernel-cmdline-file': { status: 'not-collected' } }).kernelCmdlineFile).toBeNull();
  });

  it('a grub.cfg on the ESP that could not be read is not listed as a stub or a full file', () => {
    expect(layoutOf({ 'efi-grub-cfg': { status: 'denied', name: 'debian/grub.cfg' } }).espGrubCfgs).toEqual([]);
  });
});

describe('hostPath', () => {
  it('is the bundle path with its slash back, else the source', () => {
    const bundle = sampleBundle('lab-intel-uefi-healthy');
    const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
    expect(hostPath(ev.one('default-grub'))).toBe('/etc/default/grub');
    expect(hostPath(ev.one('kernel-cmdline-file'))).toBe('/etc/kernel/cmdline');
  });
});
