/**
 * Which bootloader a host uses when its grub.cfg could not be read (a collection without root: RHEL
 * keeps grub.cfg root-only): /etc/default/grub's GRUB_ENABLE_BLSCFG and the BLS entries decide.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const bootloader = (overrides: Record<string, Override>): string | null => {
  const host = analyzeBundle(sampleBundle('lab-grub-not-regenerated', overrides), { rules: [] }).facts.host;
  return host.state === 'known' ? host.value.bootloader : null;
};
const rhelLike = {
  'os-release': fx('os-release/fedora-32-man-example.txt'),
  'bls-entries': fx('bls-entry/rocky-8.5-kernelopts.conf'),
  'grub-cfg': { status: 'denied' },
} as const;

describe('boot configuration with grub.cfg unreadable', () => {
  it('GRUB_ENABLE_BLSCFG=true beside BLS entries: grub with BLS (fixes use grubby)', () => {
    expect(bootloader({ ...rhelLike, 'default-grub': fx('default-grub/centos-stream-9-blscfg.txt') })).toBe('grub-bls');
  });
  it("BLS entries without GRUB_ENABLE_BLSCFG (Debian's /etc/default/grub): plain grub", () => {
    expect(bootloader(rhelLike)).toBe('grub');
  });
});

const host = (sample: string, overrides: Record<string, Override>) => {
  const h = analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts.host;
  if (h.state !== 'known') throw new Error('host unknown');
  return h.value;
};
const hf = (p: string): string => readFileSync(join(ROOT, 'test/fixtures/host-families', p), 'utf8');

describe('boot layout and bootloader of other host families', () => {
  it('RHEL 9 collected without root: GRUB_ENABLE_BLSCFG=true decides grub with BLS even with no entry readable', () => {
    const h = host('lab-intel-uefi-healthy', {
      'os-release': hf('rhel-9.4/os-release'),
      'default-grub': fx('default-grub/centos-stream-9-blscfg.txt'),
      'grub-cfg': null,
      'grub2-cfg': { status: 'denied' },
      'bls-entries': { status: 'denied' },
      'efi-grub-cfg': { status: 'denied' },
    });
    expect([h.distro, h.bootloader, h.boot?.blsEnabled, h.initramfs]).toEqual(['rhel-like', 'grub-bls', true, 'dracut']);
  });

  it('Arch with hand-written entries and no grub: systemd-boot (its /proc/cmdline has no BOOT_IMAGE)', () => {
    const h = host('lab-intel-uefi-healthy', {
      'os-release': hf('arch/os-release'),
      'default-grub': null,
      'grub-cfg': null,
      'efi-grub-cfg': null,
      'bls-entries': { status: 'ok', text: hf('arch/loader-entry-arch.conf'), name: 'arch.conf' },
      cmdline: 'root=/dev/mapper/vg0-lv_root rw quiet splash rootflags=subvol=@\n',
    });
    expect([h.distro, h.bootloader, h.initramfs]).toEqual(['arch', 'systemd-boot', 'mkinitcpio']);
    expect(h.boot?.entries).toEqual(['/boot/loader/entries/arch.conf']);
  });

  it("Debian's ESP grub.cfg (search.fs_uuid … configfile) is a stub; /etc/default/grub assigns both variables", () => {
    const h = host('lab-intel-uefi-healthy', {});
    expect(h.boot?.espGrubCfgs).toEqual([{ path: '/boot/efi/EFI/debian/grub.cfg', directory: 'debian', stub: true }]);
    expect(h.boot?.grubCmdlineAssignments.map((a) => a.variable).sort()).toEqual(['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT']);
  });

  it('openEuler writes ID="openEuler": still RHEL-like', () => {
    expect(host('lab-intel-uefi-healthy', { 'os-release': hf('openeuler-24.03/os-release') }).distro).toBe('rhel-like');
  });
});
