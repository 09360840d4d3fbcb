/**
 * Keep a GPU vendor's host driver away from the GPU meant for a VM (src/fixes/gpu-driver.ts): the
 * modprobe.d lines, the initramfs rebuild of each host family, the check after the reboot. Devices
 * come from the analyzer's PCI facts of verbatim lspci output (a GTX 1650 on nvidia, the lab's std
 * VGA on bochs-drm); hosts from verbatim distribution files (test/fixes/helpers/variants.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { PciDevice } from '../../src/facts/model.js';
import type { Fix, FixStep } from '../../src/fixes/fix.js';
import { keepGpuDriverOff } from '../../src/fixes/gpu-driver.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { commands, planOf } from './helpers/plan-of.js';

const host = (name: string): HostProfile => hostOf(VARIANTS[name]!);
const deviceOf = (sample: string, address: string, overrides: Record<string, Override> = {}): PciDevice => {
  const pci = analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts.pci;
  const d = pci.state === 'known' ? pci.value.devices.find((x) => x.address === address) : undefined;
  if (!d) throw new Error(`no ${address}`);
  return d;
};
const lspciOnly = (file: string) => ({ 'pci-sysfs': null, 'lspci-vvv': null, 'lspci-nnk': fx(file) });
const runs = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []));
const edits = (steps: readonly FixStep[]) =>
  steps.flatMap((s) => (s.kind === 'edit-file' && s.edit?.op === 'lines' ? [[s.path, s.edit.add]] : []));
const notes = (fix: Fix) => fix.steps.flatMap((s) => (s.kind === 'note' ? [s.text] : []));

// test/fixtures/lspci-nnk/github-gtx1650-nvidia-bound.txt lines 1-4: driver nvidia, modules nouveau, nvidia_drm, nvidia.
const gtx1650 = () => deviceOf('lab-intel-healthy', '0000:01:00.0', lspciOnly('lspci-nnk/github-gtx1650-nvidia-bound.txt'));

describe('per host family', () => {
  it("Debian: blacklist and softdep the driver's module, update-initramfs, reboot, check", () => {
    const h = host('debian-12-bios');
    const fix = keepGpuDriverOff(h, [gtx1650()], '0000:01:00.0');
    expect(fix.steps.map((s) => s.kind)).toEqual(['edit-file', 'run', 'reboot', 'verify']);
    expect(edits(fix.steps)).toEqual([['/etc/modprobe.d/blacklist-gpu.conf', ['blacklist nvidia', 'softdep nvidia pre: vfio-pci']]]);
    expect(runs(fix.steps)).toEqual(['update-initramfs -u -k all']);
    expect(fix.steps.at(-1)).toMatchObject({ kind: 'verify', command: "grep -E '^(nvidia) ' /proc/modules; lspci -nnk -s 0000:01:00.0" });
    expect(fix.summary).toBe('Keep nvidia off 0000:01:00.0');
    planOf('gpu-host-driver-loaded', fix, h);
  });

  it('RHEL 9 (dracut): nouveau also gets modeset=0, and the caveat names rd.driver.blacklist', () => {
    const h = host('rhel-9.4-uefi-bls');
    const fix = keepGpuDriverOff(h, ['nouveau'], '0000:42:00.0');
    expect(edits(fix.steps)).toEqual([
      ['/etc/modprobe.d/blacklist-gpu.conf', ['blacklist nouveau', 'options nouveau modeset=0', 'softdep nouveau pre: vfio-pci']],
    ]);
    expect(runs(fix.steps)).toEqual(['dracut -f --regenerate-all']);
    expect(fix.caveats?.some((c) => c.includes('rd.driver.blacklist=nouveau'))).toBe(true);
    planOf('gpu-host-driver-loaded', fix, h);
  });

  it('Debian keeps no dracut caveat for nouveau', () => {
    const fix = keepGpuDriverOff(host('debian-12-bios'), ['nouveau'], '0000:42:00.0');
    expect(fix.caveats?.some((c) => c.includes('rd.driver.blacklist'))).toBe(false);
  });

  it('Arch (mkinitcpio): checks the modconf hook, then mkinitcpio -P', () => {
    const h = host('arch-systemd-boot');
    const fix = keepGpuDriverOff(h, ['nouveau'], '0000:42:00.0');
    expect(runs(fix.steps).at(-1)).toBe('mkinitcpio -P');
    expect(runs(fix.steps)[0]).toContain('modconf');
    planOf('gpu-host-driver-loaded', fix, h);
  });

  it('Proxmox with systemd-boot: the rebuilt initramfs is copied to the ESPs', () => {
    expect(runs(keepGpuDriverOff(host('proxmox-8-systemd-boot'), ['nouveau'], '0000:42:00.0').steps)).toEqual([
      'update-initramfs -u -k all',
      'proxmox-boot-tool refresh',
    ]);
  });
});

describe('driver names are not module names', () => {
  it('bochs-drm is the module bochs (lab-cloudpods-gpu-issues lspci-nnk: "Kernel modules: bochs")', () => {
    const d = deviceOf('lab-cloudpods-gpu-issues', '0000:03:00.0');
    expect(d.driver).toBe('bochs-drm');
    const fix = keepGpuDriverOff(host('debian-12-bios'), [d], d.address);
    expect(edits(fix.steps)).toEqual([['/etc/modprobe.d/blacklist-gpu.conf', ['blacklist bochs', 'softdep bochs pre: vfio-pci']]]);
  });

  it('a driver whose module the bundle does not name (no "Kernel modules" line): a note, no blacklist line', () => {
    // test/fixtures/lspci-nnk/guide-nvidia-grep-A3.txt lines 5-7: 42:00.1 on vfio-pci with no "Kernel modules" line.
    const d = deviceOf('lab-intel-healthy', '0000:42:00.1', lspciOnly('lspci-nnk/guide-nvidia-grep-A3.txt'));
    const fix = keepGpuDriverOff(host('debian-12-bios'), [d], '0000:42:00.0');
    expect(edits(fix.steps)).toEqual([]);
    expect(notes(fix).some((n) => n.startsWith('The module of the driver of 0000:42:00.1 is not in the bundle'))).toBe(true);
    expect(fix.summary).toBe('Keep the GPU driver off 0000:42:00.0');
  });
});

describe('values from the bundle reach no command unchecked', () => {
  it('a GPU address that is not an address: a note instead of the lspci check', () => {
    const fix = keepGpuDriverOff(host('debian-12-bios'), ['nouveau'], '42:00.0; reboot');
    expect(commands(fix).join('\n')).not.toContain('reboot;');
    expect(commands(fix).join('\n')).not.toContain('lspci');
    expect(notes(fix).some((n) => n.includes('"42:00.0; reboot"'))).toBe(true);
  });

  it('a module name with shell in it: refused with a note, the other module still handled', () => {
    const fix = keepGpuDriverOff(host('debian-12-bios'), ['nvidia$(id)', 'nouveau'], '0000:42:00.0');
    expect(commands(fix).join('\n')).not.toContain('$(id)');
    expect(notes(fix).some((n) => n.includes('"nvidia$(id)"'))).toBe(true);
    expect(edits(fix.steps)[0]?.[1]).toContain('blacklist nouveau');
    planOf('gpu-host-driver-loaded', fix, host('debian-12-bios'));
  });
});
