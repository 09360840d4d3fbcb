/**
 * Hand vfio-pci chosen devices by address instead of by id (src/fixes/bind-by-address.ts): the
 * override list and script, the modprobe.d install and softdep lines, how each initramfs tool
 * carries the script, the id taken out of modprobe.d or the command line, and the checks. On the
 * lab's two identical NVMe controllers (1b36:0010) where one holds the host's swap and an id binds
 * both (lab-nvme-twins-ids, lab-nvme-twins-cmdline-ids), devices and ids from the analyzer's facts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Facts } from '../../src/facts/facts.js';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { PciDevice, VfioId } from '../../src/facts/model.js';
import { bindByAddress, dropIdSteps, OVERRIDE_LIST, OVERRIDE_SCRIPT } from '../../src/fixes/bind-by-address.js';
import type { FixStep } from '../../src/fixes/fix.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { commands, planOf } from './helpers/plan-of.js';

const host = (name: string): HostProfile => hostOf(VARIANTS[name]!);
const twinsOf = (sample: string): { pass: PciDevice; keep: PciDevice; vfioIds: readonly VfioId[] } => {
  const f: Facts = analyzeBundle(sampleBundle(sample), { rules: [] }).facts;
  if (f.pci.state !== 'known' || f.targets.state !== 'known') throw new Error('unknown');
  const devices = f.pci.value.devices;
  const at = (a: string) => {
    const d = devices.find((x) => x.address === a);
    if (!d) throw new Error(`no ${a}`);
    return d;
  };
  // commands/block-devices.out: nvme0n1 (the swap, proc/swaps line 2) is behind 0000:01:00.0; 0000:02:00.0 is meant for a guest.
  return { pass: at('0000:02:00.0'), keep: at('0000:01:00.0'), vfioIds: f.targets.value.vfioIds };
};
const capture = { id: '1b36:0010', refs: [], matches: [] };
const edited = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'edit-file' ? [`${s.path} ${s.edit?.op ?? ''}`] : []));
const runs = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []));
const verifies = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'verify' ? [s.command] : []));

describe('the id in modprobe.d (lab-nvme-twins-ids: options vfio-pci ids=1b36:0010)', () => {
  const t = twinsOf('lab-nvme-twins-ids');

  it('Debian: id out of modprobe.d, the address listed, the script and its hook, update-initramfs, reboot, checks', () => {
    const h = host('debian-12-bios');
    const fix = bindByAddress(h, capture, [t.pass], [t.keep], t.vfioIds);
    expect(edited(fix.steps)).toEqual([
      '/etc/modprobe.d/vfio.conf modprobe-option',
      `${OVERRIDE_LIST} lines`,
      `${OVERRIDE_SCRIPT} write-file`,
      '/etc/modprobe.d/vfio.conf lines',
      '/etc/initramfs-tools/hooks/vfio-pci-override write-file',
    ]);
    const steps = fix.steps.filter((s) => s.kind === 'edit-file');
    expect(steps[0]).toMatchObject({ edit: { option: 'ids', remove: ['1b36:0010'] } });
    expect(steps[1]).toMatchObject({ edit: { add: ['0000:02:00.0'] } });
    // The nvme driver's module is nvme (lspci-nnk "Kernel modules: nvme"): it must ask for vfio-pci first.
    expect(steps[3]).toMatchObject({ edit: { add: [`install vfio-pci ${OVERRIDE_SCRIPT}`, 'softdep nvme pre: vfio-pci'] } });
    expect(runs(fix.steps)).toEqual(['update-initramfs -u -k all']);
    expect(fix.steps.filter((s) => s.kind === 'reboot')).toHaveLength(1);
    expect(verifies(fix.steps)).toEqual([
      `lsinitramfs "/boot/initrd.img-$(uname -r)" | grep -F usr/local/bin/vfio-pci-override.sh`,
      'lspci -nnk -s 0000:02:00.0',
      'lspci -nnk -s 0000:01:00.0',
    ]);
    expect(fix.steps.at(-1)).toMatchObject({ expect: 'Kernel driver in use: nvme, not vfio-pci' });
    expect(fix.summary).toBe('Bind 0000:02:00.0 to vfio-pci by address, not by id 1b36:0010');
    planOf('vfio-ids-capture-twin', fix, h);
  });

  it('RHEL 9 (dracut): install_items in dracut.conf.d, lsinitrd to check', () => {
    const h = host('rhel-9.4-uefi-bls');
    const fix = bindByAddress(h, capture, [t.pass], [t.keep], t.vfioIds);
    expect(edited(fix.steps)).toContain('/etc/dracut.conf.d/vfio-pci-override.conf lines');
    expect(runs(fix.steps)).toEqual(['dracut -f --regenerate-all']);
    expect(verifies(fix.steps)[0]).toBe('lsinitrd | grep -F usr/local/bin/vfio-pci-override.sh');
    planOf('vfio-ids-capture-twin', fix, h);
  });

  it('Arch (mkinitcpio): FILES=() carries the script and the list', () => {
    const h = host('arch-systemd-boot');
    const fix = bindByAddress(h, capture, [t.pass], [t.keep], t.vfioIds);
    const files = fix.steps.find((s) => s.kind === 'edit-file' && s.path === '/etc/mkinitcpio.conf');
    expect(files).toMatchObject({ edit: { op: 'shell-array', variable: 'FILES', add: [OVERRIDE_SCRIPT, OVERRIDE_LIST] } });
    expect(runs(fix.steps).at(-1)).toBe('mkinitcpio -P');
    planOf('vfio-ids-capture-twin', fix, h);
  });

  it('no device named by address: the id still goes, with a note and a rebuild, and no override files', () => {
    const fix = bindByAddress(host('debian-12-bios'), capture, [], [t.keep], t.vfioIds);
    expect(edited(fix.steps)).toEqual(['/etc/modprobe.d/vfio.conf modprobe-option']);
    expect(fix.steps.some((s) => s.kind === 'note' && s.text.startsWith('No device of this id is named'))).toBe(true);
    expect(runs(fix.steps)).toEqual(['update-initramfs -u -k all']);
  });
});

describe('the id on the command line (lab-nvme-twins-cmdline-ids: vfio-pci.ids=1b36:0010)', () => {
  it('dropIdSteps: no modprobe.d edit; the command line loses vfio-pci.ids by name, update-grub', () => {
    const t = twinsOf('lab-nvme-twins-cmdline-ids');
    const d = dropIdSteps(host('debian-12-bios'), '1b36:0010', t.vfioIds);
    expect(d.modprobe).toEqual([]);
    expect(edited(d.cmdline)).toEqual(['/etc/default/grub kernel-cmdline']);
    expect(d.cmdline[0]).toMatchObject({ edit: { add: [], removeNames: ['vfio_pci.ids'] } });
    expect(runs(d.cmdline)).toEqual(['update-grub']);
    expect(d.cmdline.some((s) => s.kind === 'reboot' || s.kind === 'verify')).toBe(false);
  });
});

describe('values from the bundle reach no command unchecked', () => {
  const t = twinsOf('lab-nvme-twins-ids');

  it('a device address that is not one: refused with a note, the other device still bound', () => {
    const bad = { ...t.pass, address: '0000:02:00.0 /dev/sda' };
    const fix = bindByAddress(host('debian-12-bios'), capture, [bad, { ...t.pass, address: '0000:03:00.0' }], [t.keep], t.vfioIds);
    expect(commands(fix).join('\n')).not.toContain('/dev/sda');
    expect(fix.steps.some((s) => s.kind === 'note' && s.text.includes('"0000:02:00.0 /dev/sda"'))).toBe(true);
    expect(fix.steps.find((s) => s.kind === 'edit-file' && s.path === OVERRIDE_LIST)).toMatchObject({ edit: { add: ['0000:03:00.0'] } });
  });

  it('an id that is not an id: nothing is taken out of modprobe.d, a note says so', () => {
    const fix = bindByAddress(host('debian-12-bios'), { ...capture, id: "1b36:0010' -e '" }, [t.pass], [t.keep], t.vfioIds);
    expect(edited(fix.steps)).not.toContain('/etc/modprobe.d/vfio.conf modprobe-option');
    expect(fix.steps[0]).toMatchObject({ kind: 'note' });
    planOf('vfio-ids-capture-twin', fix, host('debian-12-bios'));
  });

  it('a host driver name with shell in it is never the expectation of a check', () => {
    const fix = bindByAddress(host('debian-12-bios'), capture, [t.pass], [{ ...t.keep, driver: 'nvme`id`' }], t.vfioIds);
    expect(fix.steps.at(-1)).toMatchObject({ kind: 'verify', expect: 'Kernel driver in use: its host driver, not vfio-pci' });
  });
});
