/**
 * Create SR-IOV virtual functions now and at every boot (src/fixes/sriov.ts): the sysfs write, the
 * udev rule on the PF's bind event, the check. On the lab's SR-IOV NVMe PF (lab-sriov-no-vfs:
 * 0000:02:00.0, driver nvme, sriov_totalvfs 2, sriov_numvfs 0), from the analyzer's PCI facts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { PciDevice } from '../../src/facts/model.js';
import { createVfsPersistently } from '../../src/fixes/sriov.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { commands, planOf } from './helpers/plan-of.js';

const host = (name: string): HostProfile => hostOf(VARIANTS[name]!);
const pf = (): PciDevice => {
  const pci = analyzeBundle(sampleBundle('lab-sriov-no-vfs'), { rules: [] }).facts.pci;
  const d = pci.state === 'known' ? pci.value.devices.find((x) => x.address === '0000:02:00.0') : undefined;
  if (!d) throw new Error('no PF');
  return d;
};

describe('virtual functions on the NVMe PF', () => {
  it('reads the PF the rule hands over: nvme, 2 VFs possible, none created (pci-sysfs.out [0000:02:00.0])', () => {
    expect([pf().driver, pf().sriovTotalVfs, pf().sriovNumVfs]).toEqual(['nvme', 2, 0]);
  });

  it('writes sriov_numvfs now and a udev rule on the bind event of its driver', () => {
    const h = host('debian-12-bios');
    const fix = createVfsPersistently(h, pf(), 2);
    expect(fix.steps).toEqual([
      {
        kind: 'run',
        command: 'echo 2 > /sys/bus/pci/devices/0000:02:00.0/sriov_numvfs',
        why: 'creates the VFs now (the PF driver must be bound)',
      },
      expect.objectContaining({
        kind: 'edit-file',
        path: '/etc/udev/rules.d/70-ptdoctor-sriov.rules',
        edit: {
          op: 'lines',
          add: ['ACTION=="bind", SUBSYSTEM=="pci", KERNEL=="0000:02:00.0", DRIVER=="nvme", ATTR{sriov_numvfs}="2"'],
          remove: [],
        },
      }),
      {
        kind: 'verify',
        command: "cat /sys/bus/pci/devices/0000:02:00.0/sriov_numvfs; lspci -nn | grep -i 'virtual function'",
        expect: '2, and the VFs listed',
      },
    ]);
    expect(fix.caveats?.[0]).toContain('sriov_totalvfs is 2');
    planOf('sriov-vfs-not-created', fix, h);
  });

  it("the same on every host family (udev is not the distribution's)", () => {
    const debian = createVfsPersistently(host('debian-12-bios'), pf(), 2);
    expect(createVfsPersistently(host('rhel-9.4-uefi-bls'), pf(), 2)).toEqual(debian);
    expect(createVfsPersistently(host('arch-systemd-boot'), pf(), 2)).toEqual(debian);
  });

  it('a PF without a driver in the bundle: the write now, and a note instead of a rule that could never match', () => {
    const fix = createVfsPersistently(host('debian-12-bios'), { ...pf(), driver: null }, 1);
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'note', 'verify']);
  });
});

describe('values from the bundle reach no command unchecked', () => {
  it('a driver name with shell or udev syntax in it is never written into the rule', () => {
    const fix = createVfsPersistently(host('debian-12-bios'), { ...pf(), driver: 'nvme", RUN+="/bin/sh' }, 1);
    expect(JSON.stringify(fix)).not.toContain('RUN+=');
    expect(fix.steps[1]?.kind).toBe('note');
    planOf('sriov-vfs-not-created', fix, host('debian-12-bios'));
  });

  it('an address that is not one: only a note', () => {
    const fix = createVfsPersistently(host('debian-12-bios'), { ...pf(), address: '0000:02:00.0/../../../../etc/passwd' }, 1);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note']);
    expect(commands(fix)).toEqual([]);
  });
});
