/**
 * Keep a host storage controller away from vfio-pci (src/fixes/keep-host-storage.ts): its id taken
 * out of modprobe.d or the kernel command line (the other ids kept), its address out of the
 * by-address list, per host family. Devices, targets and vfio-pci ids are the analyzer's facts of
 * the lab's real boots: an NVMe controller holding the swap named by modprobe.d
 * (lab-host-storage-targeted) or by vfio-pci.ids= (lab-nvme-twins-cmdline-ids).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Facts } from '../../src/facts/facts.js';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { PciDevice, TargetDevice, VfioId } from '../../src/facts/model.js';
import type { FixStep } from '../../src/fixes/fix.js';
import { keepHostStorage } from '../../src/fixes/keep-host-storage.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { commands, planOf } from './helpers/plan-of.js';

const host = (name: string): HostProfile => hostOf(VARIANTS[name]!);
interface Case {
  readonly dev: PciDevice;
  readonly target: TargetDevice;
  readonly vfioIds: readonly VfioId[];
}
const caseOf = (sample: string, address: string): Case => {
  const f: Facts = analyzeBundle(sampleBundle(sample), { rules: [] }).facts;
  if (f.pci.state !== 'known' || f.targets.state !== 'known') throw new Error('unknown');
  const dev = f.pci.value.devices.find((d) => d.address === address);
  const target = f.targets.value.devices.find((d) => d.address === address);
  if (!dev || !target) throw new Error(`no ${address}`);
  return { dev, target, vfioIds: f.targets.value.vfioIds };
};
const shape = (steps: readonly FixStep[]) =>
  steps.map((s) =>
    s.kind === 'edit-file'
      ? `edit ${s.path} ${s.edit?.op ?? ''}`
      : s.kind === 'run' || s.kind === 'verify'
        ? `${s.kind} ${s.command}`
        : s.kind,
  );

describe('the id named in modprobe.d (lab-host-storage-targeted: options vfio-pci ids=8086:10d3,1b36:0010)', () => {
  const c = caseOf('lab-host-storage-targeted', '0000:02:00.0');

  it('Debian: drop 1b36:0010 from that options line, keep 8086:10d3, rebuild the initramfs', () => {
    const h = host('debian-12-bios');
    const fix = keepHostStorage(h, c.dev, c.target, c.vfioIds);
    expect(shape(fix.steps)).toEqual([
      'edit /etc/modprobe.d/vfio.conf modprobe-option',
      'edit /etc/vfio-pci-override.conf lines',
      'run update-initramfs -u -k all',
      'verify lspci -nnk -s 0000:02:00.0',
    ]);
    expect(fix.steps[0]).toMatchObject({
      edit: { module: 'vfio-pci', option: 'ids', add: [], remove: ['1b36:0010'], removeOption: false },
    });
    expect(fix.steps[1]).toMatchObject({ edit: { add: [], remove: ['0000:02:00.0'] } });
    planOf('passthrough-of-host-storage', fix, h);
  });

  it('RHEL 9: the same edits, dracut', () => {
    const fix = keepHostStorage(host('rhel-9.4-uefi-bls'), c.dev, c.target, c.vfioIds);
    expect(fix.steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []))).toEqual(['dracut -f --regenerate-all']);
  });

  it('Arch: mkinitcpio', () => {
    const fix = keepHostStorage(host('arch-systemd-boot'), c.dev, c.target, c.vfioIds);
    expect(fix.steps.flatMap((s) => (s.kind === 'run' ? [s.command] : [])).at(-1)).toBe('mkinitcpio -P');
  });
});

describe('the id on the kernel command line (lab-nvme-twins-cmdline-ids: vfio-pci.ids=1b36:0010)', () => {
  const c = caseOf('lab-nvme-twins-cmdline-ids', '0000:02:00.0');

  it('Debian: vfio-pci.ids removed by name from GRUB_CMDLINE_LINUX_DEFAULT, nothing added back, update-grub; no initramfs rebuild', () => {
    const h = host('debian-12-bios');
    const fix = keepHostStorage(h, c.dev, c.target, c.vfioIds);
    expect(shape(fix.steps)).toEqual([
      'edit /etc/vfio-pci-override.conf lines',
      'edit /etc/default/grub kernel-cmdline',
      'run update-grub',
      'verify lspci -nnk -s 0000:02:00.0',
    ]);
    expect(fix.steps[1]).toMatchObject({ edit: { add: [], removeNames: ['vfio_pci.ids'] } });
    planOf('passthrough-of-host-storage', fix, h);
  });

  it('RHEL 9 with BLS: grubby on every entry', () => {
    const fix = keepHostStorage(host('rhel-9.4-uefi-bls'), c.dev, c.target, c.vfioIds);
    expect(
      fix.steps.flatMap((s) => (s.kind === 'run' ? [s.command] : [])).some((cmd) => cmd.startsWith('grubby --update-kernel=ALL')),
    ).toBe(true);
  });
});

describe('values from the bundle reach no command unchecked', () => {
  const c = caseOf('lab-host-storage-targeted', '0000:02:00.0');

  it('an address that is not one: only a note, no command', () => {
    const fix = keepHostStorage(host('debian-12-bios'), { ...c.dev, address: "0000:02:00.0'; reboot; '" }, c.target, c.vfioIds);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note']);
    expect(commands(fix)).toEqual([]);
  });

  it('a modprobe.d file whose name is not a path ptdoctor edits: a note for it, never an edit of that name', () => {
    const ids = c.vfioIds.map((v) => ({ ...v, ref: { ...v.ref, source: '/etc/modprobe.d/$(reboot).conf' } }));
    const fix = keepHostStorage(host('debian-12-bios'), c.dev, c.target, ids);
    expect(commands(fix).join('\n')).not.toContain('$(reboot)');
    expect(fix.steps.some((s) => s.kind === 'note' && s.text.includes('/etc/modprobe.d/$(reboot).conf'))).toBe(true);
    planOf('passthrough-of-host-storage', fix, host('debian-12-bios'));
  });
});
