/**
 * What the Cloudpods host service sees (src/facts/cloudpods.ts): host.conf, its log, the VMs' QEMU
 * logs, the hugepage unit, lsusb and /dev/vfio, on the lab's Cloudpods hosts. A host is a Cloudpods
 * host when host.conf exists, readable or not, or the host service's log was found; what was not
 * collected stays null (unknown), never empty.
 */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildCloudpods } from '../../src/facts/cloudpods.js';
import type { CloudpodsFacts } from '../../src/facts/model.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const cloudpodsOf = (sample: string, overrides: Record<string, Override> = {}): CloudpodsFacts => {
  const bundle = sampleBundle(sample, overrides);
  const f = buildCloudpods(evidenceSource(bundle, loadManifest(bundle).manifest));
  if (f.state !== 'known') throw new Error('the Cloudpods fact is always known');
  return f.value;
};
const HOST_LOG = '/var/log/pods/onecloud_default-host-lab01_0f1e2d3c/host/0.log';

describe('a Cloudpods host from whole evidence (lab-cloudpods-healthy)', () => {
  const cp = cloudpodsOf('lab-cloudpods-healthy');

  it('is detected by host.conf and by the host service log', () => {
    expect(cp.detected).toBe(true);
    expect(cp.detectedBy.map((r) => [r.source, r.text])).toEqual([
      ['/etc/yunion/host.conf', '(present)'],
      [HOST_LOG, '(host service log present)'],
    ]);
  });

  it('reads host.conf line by line; host_type defaults to hypervisor', () => {
    // etc/yunion/host.conf: line 1 disable_gpu: false, line 2 hugepages_option: transparent, line 3 admin_password (masked).
    expect(cp.hostConf?.map((s) => [s.key, s.ref.line])).toEqual([
      ['disable_gpu', 1],
      ['hugepages_option', 2],
      ['admin_password', 3],
    ]);
    expect(cp.hostConf?.[1]?.value).toBe('transparent');
    expect(cp.hostConfMissing).toBeNull();
    expect(cp.hostType).toBe('hypervisor');
  });

  it('reads the host service log with its levels (0.log lines 1-2, both info)', () => {
    expect(cp.log?.map((l) => [l.level, l.ref.line])).toEqual([
      ['info', 1],
      ['info', 2],
    ]);
  });

  it('the QEMU log directory absent on the host: no line, and known to be none (not null)', () => {
    expect(cp.qemuLog).toEqual({ lines: [], gaps: [] });
  });

  it('the hugepage unit: systemctl missing leaves enabled/active unknown; the reserve script is absent (line 4)', () => {
    expect(cp.hugetlbService).toMatchObject({ enabled: null, active: null, reserveScript: false });
    expect(cp.hugetlbService?.refs.map((r) => r.line)).toEqual([4]);
  });

  it('lsusb not installed: no USB list, and why (never "no USB device")', () => {
    expect(cp.usbDevices).toBeNull();
    expect(cp.usbMissing).toEqual({ reason: 'lsusb is not installed on the host', collect: ['lsusb'] });
  });

  it('/dev/vfio holds groups 6 and 8 and the container node (commands/dev-vfio.out lines 2-4)', () => {
    expect(cp.devVfio?.names).toEqual(['6', '8', 'vfio']);
  });

  it('no disk is held by device-mapper or md: none, known (block-devices.out has one NVMe disk)', () => {
    expect(cp.heldDisks).toEqual([]);
  });
});

describe('other Cloudpods evidence', () => {
  it("a VM's QEMU log and another host service log (lab-cloudpods-gpu-issues)", () => {
    const cp = cloudpodsOf('lab-cloudpods-gpu-issues');
    expect(cp.qemuLog?.lines.map((l) => [l.ref.line, l.message])).toEqual([
      [
        1,
        'qemu-system-x86_64: -device vfio-pci,host=00:02.0,bus=port.1,multifunction=on: vfio 0000:00:02.0: failed to open /dev/vfio/1: No such file or directory',
      ],
    ]);
    // 0.log: two info lines, the sync error (no level prefix), the error line.
    expect(cp.log?.map((l) => l.level)).toEqual(['info', 'info', null, 'error']);
    expect(cp.devVfio?.names).toEqual(['7', 'vfio']);
  });

  it('lsusb of a laptop (derived-cloudpods-usb-disabled): every device, root hubs included', () => {
    const cp = cloudpodsOf('derived-cloudpods-usb-disabled');
    expect(cp.usbDevices).toHaveLength(11);
    // commands/lsusb.out line 10: "Bus 001 Device 002: ID 0781:b6d0 SanDisk Corp. "
    expect(cp.usbDevices?.[9]).toMatchObject({ bus: '001', device: '002', vendor: '0781', product: 'b6d0' });
  });

  it('lsusb with no USB bus (empty output, exit 1): a known empty list', () => {
    const cp = cloudpodsOf('lab-cloudpods-healthy', { lsusb: { status: 'error', text: fx('lsusb/no-usb-bus.txt') } });
    expect([cp.usbDevices, cp.usbMissing]).toEqual([[], null]);
  });

  it('host.conf unreadable: still a Cloudpods host, settings unknown with why', () => {
    const cp = cloudpodsOf('lab-cloudpods-group', { 'yunion-host-conf': { status: 'denied' } });
    expect(cp.detected).toBe(true);
    expect(cp.detectedBy[0]?.text).toBe('(present: denied)');
    expect(cp.hostConf).toBeNull();
    expect(cp.hostConfMissing?.collect).toEqual(['sudo cat /etc/yunion/host.conf']);
  });
});

describe('not a Cloudpods host', () => {
  it('host.conf, the pod log and the QEMU logs absent (lab-intel-uefi-healthy, collector 0.2.0 items)', () => {
    const cp = cloudpodsOf('lab-intel-uefi-healthy');
    expect([cp.detected, cp.detectedBy, cp.hostConf, cp.log]).toEqual([false, [], null, null]);
    expect(cp.hostConfMissing?.reason).toBe('/etc/yunion/host.conf does not exist on the host');
    expect(cp.qemuLog).toEqual({ lines: [], gaps: [] });
  });

  it('a collector that never looked (lab-intel-healthy, 0.1.0): the QEMU logs are null, not "none"', () => {
    const cp = cloudpodsOf('lab-intel-healthy');
    expect(cp.detected).toBe(false);
    expect(cp.qemuLog).toBeNull();
    expect(cp.hostConfMissing?.reason).toBe('/etc/yunion/host.conf is not in the bundle');
  });
});
