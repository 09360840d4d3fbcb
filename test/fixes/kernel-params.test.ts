/**
 * The kernel-parameter fix per host variant: the file to edit, the regenerate command and the
 * verify steps for Debian-like, RHEL-like with and without BLS (BIOS and UEFI) and Proxmox
 * systemd-boot hosts.
 */
import { describe, expect, it } from 'vitest';
import type { HostProfile } from '../../src/facts/model.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';

const base: HostProfile = {
  cpuVendor: 'intel',
  distro: 'debian-like',
  distroName: 'Debian GNU/Linux 12 (bookworm)',
  distroId: 'debian',
  bootMode: 'bios',
  bootloader: 'grub',
  grubCfg: null,
  kernelRelease: '6.1.0-56-amd64',
  kernelAtLeast6_2: false,
  isCloudpods: false,
};
const change = { add: ['intel_iommu=on'], remove: ['intel_iommu=off'] };
const commands = (h: HostProfile) => changeKernelParams(h, change, 's').steps.flatMap((s) => ('command' in s ? [s.command] : []));
const edits = (h: HostProfile) =>
  changeKernelParams(h, change, 's').steps.flatMap((s) => (s.kind === 'edit-file' ? [`${s.path}: ${s.change}`] : []));

describe('changeKernelParams', () => {
  it('Debian-like grub: GRUB_CMDLINE_LINUX_DEFAULT, update-grub, reboot, verify both ways', () => {
    const fix = changeKernelParams(base, change, 's');
    expect(fix.steps.map((s) => s.kind)).toEqual(['edit-file', 'run', 'reboot', 'verify', 'verify']);
    expect(edits(base)).toEqual(['/etc/default/grub: in GRUB_CMDLINE_LINUX_DEFAULT="…", add intel_iommu=on and remove intel_iommu=off']);
    expect(commands(base)).toEqual(['update-grub', 'cat /proc/cmdline', 'cat /proc/cmdline']);
  });
  it('RHEL-like with BLS: grubby adds and removes on every entry', () => {
    const h = { ...base, distro: 'rhel-like' as const, distroId: 'rocky', bootloader: 'grub-bls' as const };
    expect(commands(h)[0]).toBe('grubby --update-kernel=ALL --args="intel_iommu=on" --remove-args="intel_iommu=off"');
    expect(edits(h)[0]).toMatch(/^\/etc\/default\/grub: in GRUB_CMDLINE_LINUX="…"/);
  });
  it('RHEL-like without BLS: grub2-mkconfig to the path of the boot mode', () => {
    const h = { ...base, distro: 'rhel-like' as const, distroId: 'centos' };
    expect(commands(h)[0]).toBe('grub2-mkconfig -o /boot/grub2/grub.cfg');
    expect(commands({ ...h, bootMode: 'uefi' })[0]).toBe('grub2-mkconfig -o /boot/efi/EFI/centos/grub.cfg');
  });
  it('Proxmox with systemd-boot: /etc/kernel/cmdline and proxmox-boot-tool refresh', () => {
    const h = { ...base, distro: 'proxmox' as const, bootloader: 'systemd-boot' as const, bootMode: 'uefi' as const };
    expect(edits(h)[0]).toMatch(/^\/etc\/kernel\/cmdline: /);
    expect(commands(h)[0]).toBe('proxmox-boot-tool refresh');
  });
  it('the grub.cfg the bundle shows wins over the os-release guess (RHEL keeps EFI/redhat)', () => {
    const h = {
      ...base,
      distro: 'rhel-like' as const,
      distroId: 'rhel',
      bootMode: 'uefi' as const,
      grubCfg: '/boot/efi/EFI/redhat/grub.cfg',
    };
    expect(commands(h)[0]).toBe('grub2-mkconfig -o /boot/efi/EFI/redhat/grub.cfg');
  });
  it('Arch: grub-mkconfig to /boot/grub/grub.cfg', () => {
    expect(commands({ ...base, distro: 'arch', distroId: 'arch' })[0]).toBe('grub-mkconfig -o /boot/grub/grub.cfg');
  });
  it('nothing to add or remove: no file edit and no regenerate command, only where to look', () => {
    const fix = changeKernelParams(base, { add: [], remove: [] }, 's');
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'note', 'verify']);
    expect(commands(base).includes('update-grub')).toBe(true);
    expect(fix.steps.some((s) => 'command' in s && s.command === 'update-grub')).toBe(false);
  });
  it('unknown bootloader: assumes GRUB and says so', () => {
    expect(changeKernelParams({ ...base, bootloader: null }, change, 's').caveats?.[0]).toMatch(/could not be identified/);
  });
});
