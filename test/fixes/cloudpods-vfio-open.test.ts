/**
 * What to do when QEMU, started by the Cloudpods host service, could not open a device's
 * /dev/vfio/<group> (src/fixes/cloudpods-vfio-open.ts). The address and group come from the QEMU
 * log as the analyzer reads it (lab-cloudpods-gpu-issues: "vfio 0000:00:02.0: failed to open
 * /dev/vfio/1"), so each is checked before it reaches a command.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { bringBackOnBus, findWhyNodeMissing, putBackOnVfio, recreateGroupNode } from '../../src/fixes/cloudpods-vfio-open.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { commands, planOf } from './helpers/plan-of.js';

/** The device and group of the QEMU log's open failure. */
const openFailure = (): { device: string; group: string } => {
  const f = analyzeBundle(sampleBundle('lab-cloudpods-gpu-issues'), { rules: [] }).facts.logEvents;
  const e = f.state === 'known' ? f.value.events.find((x) => x.fault === 'vfio-open-failed') : undefined;
  if (!e?.device || !e.group) throw new Error('no open failure');
  return { device: e.device, group: e.group };
};
/** The restart tail every one of the fixes ends with: pod restart, re-probe, two checks. */
const TAIL = ['run', 'run', 'verify', 'verify'];

describe('the three causes and the unknown one', () => {
  const { device, group } = openFailure();

  it('reads 0000:00:02.0 and group 1 from the QEMU log', () => {
    expect([device, group]).toEqual(['0000:00:02.0', '1']);
  });

  it('the card left the bus: look at lspci and the kernel log, reseat or power-cycle, restart', () => {
    const fix = bringBackOnBus(device);
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'note', ...TAIL]);
    expect(commands(fix)[0]).toBe("lspci -nnk -s 0000:00:02.0; dmesg | grep -iE 'fallen off the bus|AER|Xid'");
    planOf('cloudpods-vm-vfio-open-failed', fix, null);
  });

  it('a host driver took it: check it is back on vfio-pci after the host service probes', () => {
    const fix = putBackOnVfio(device);
    expect(fix.steps.map((s) => s.kind)).toEqual(['verify', ...TAIL]);
    expect(fix.summary).toBe('Put 0000:00:02.0 back on vfio-pci');
  });

  it('on vfio-pci without its node: rebind it so vfio-pci registers group 1 again', () => {
    const fix = recreateGroupNode(device, group);
    expect(fix.summary).toBe('Recreate /dev/vfio/1');
    expect(commands(fix)[0]).toBe(
      'echo 0000:00:02.0 > /sys/bus/pci/drivers/vfio-pci/unbind; echo 0000:00:02.0 > /sys/bus/pci/drivers/vfio-pci/bind; ls -l /dev/vfio',
    );
    planOf('cloudpods-vm-vfio-open-failed', fix, null);
  });

  it('no PCI inventory: the commands that tell the three apart', () => {
    const fix = findWhyNodeMissing(device);
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', ...TAIL]);
    expect(commands(fix)[0]).toContain('ls -l /dev/vfio');
  });
});

describe('values from the QEMU log reach no command unchecked', () => {
  it('an address that is not one: each fix is a note only', () => {
    for (const build of [bringBackOnBus, putBackOnVfio, findWhyNodeMissing, (a: string) => recreateGroupNode(a, '1')]) {
      const fix = build('0000:00:02.0,bus=port.1');
      expect(fix.steps.map((s) => s.kind)).toEqual(['note']);
      expect(commands(fix)).toEqual([]);
    }
  });

  it('a group that is not a number is never named in the summary', () => {
    expect(recreateGroupNode('0000:00:02.0', '1; reboot').summary).toBe('Recreate /dev/vfio/N');
    expect(recreateGroupNode('0000:00:02.0', null).summary).toBe('Recreate /dev/vfio/N');
  });
});
