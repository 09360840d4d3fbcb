/**
 * Which PCI functions carry the host's own storage (src/facts/host-storage.ts): every block device
 * behind a mounted filesystem or an active swap area, followed to its disk and the disk's PCI
 * endpoint. From the lab's real boots (an NVMe controller holding the swap) and this machine's own
 * /proc/mounts and /sys/block listing (a virtio disk holding /).
 */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildHostStorage } from '../../src/facts/host-storage.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const storageOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  return buildHostStorage(evidenceSource(bundle, loadManifest(bundle).manifest));
};

describe('host storage from whole evidence', () => {
  it('the NVMe controller that holds the active swap (lab-host-storage-targeted)', () => {
    const f = storageOf('lab-host-storage-targeted');
    if (f.state !== 'known') throw new Error(`unknown: ${f.reason}`);
    // proc/swaps line 2: /dev/nvme0n1 partition; commands/block-devices.out line 1: nvme0n1 under
    // 0000:00:04.0 (its bridge) / 0000:02:00.0 (the controller).
    expect(f.value.devices).toEqual([
      {
        address: '0000:02:00.0',
        why: 'nvme0n1 active swap',
        ref: {
          evidence: 'swaps',
          source: '/proc/swaps',
          line: 2,
          text: '/dev/nvme0n1                            partition\t8188\t\t0\t\t-2',
        },
      },
    ]);
  });

  it('no filesystem or swap on a PCI disk (lab-intel-healthy runs from its initramfs): known, none', () => {
    const f = storageOf('lab-intel-healthy');
    expect(f.state).toBe('known');
    expect(f.state === 'known' && f.value.devices).toEqual([]);
  });

  it('a virtio disk holding / : its virtio controller, never the loop or zram devices (this machine)', () => {
    const f = storageOf('lab-intel-healthy', {
      mounts: fx('mounts/container-host.txt'),
      swaps: fx('swaps/no-swap.txt'),
      'block-devices': fx('block-devices/virtio-vda.txt'),
    });
    if (f.state !== 'known') throw new Error('unknown');
    // mounts line 6: "/dev/vda / ext4 …"; block-devices line 9: vda under 0000:00:02.0/virtio1.
    expect(f.value.devices.map((d) => [d.address, d.why, d.ref.line])).toEqual([['0000:00:02.0', 'vda mounted on /', 6]]);
  });
});

describe('what cannot be known', () => {
  it('/proc/mounts not readable: unknown, never "no host storage"', () => {
    const f = storageOf('lab-host-storage-targeted', { mounts: { status: 'denied' } });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toContain('sudo cat /proc/mounts');
  });

  it('the block device listing not collected: unknown (no disk can be tied to a controller)', () => {
    const f = storageOf('lab-host-storage-targeted', { 'block-devices': { status: 'not-collected' } });
    expect(f.state).toBe('unknown');
  });
});
