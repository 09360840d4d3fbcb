import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBlockDevices, pciAddressesInPath } from '../../src/parsers/block-devices.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/block-devices/${p}`, import.meta.url), 'utf8');

describe('parseBlockDevices', () => {
  it('parses the header sample (virtio-vda.txt lines 9–10)', () => {
    const r = parseBlockDevices(fx('virtio-vda.txt').split('\n').slice(8, 10).join('\n'));
    expect(r.disks[0]).toEqual({
      name: 'vda',
      sysfsPath: '/sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda',
      pciPath: ['0000:00:02.0'],
      pciEndpoint: '0000:00:02.0',
      virtual: false,
      line: 1,
      text: 'block vda /sys/devices/pci0000:00/0000:00:02.0/virtio1/block/vda',
    });
    expect(r.disks[1]).toMatchObject({ name: 'zram0', pciPath: [], virtual: true });
    expect(r.disks[1]?.pciEndpoint).toBeUndefined();
  });

  it('reads every line of the real listing', () => {
    const r = parseBlockDevices(fx('virtio-vda.txt'));
    expect(r.disks.filter((d) => d.virtual).map((d) => d.name)).toEqual([
      'loop0',
      'loop1',
      'loop2',
      'loop3',
      'loop4',
      'loop5',
      'loop6',
      'loop7',
      'zram0',
    ]);
    expect(r.unparsed).toEqual([]);
  });

  it('lists bridges before the endpoint for an NVMe path', () => {
    expect(pciAddressesInPath('/sys/devices/pci0000:00/0000:00:1d.0/0000:3d:00.0/nvme/nvme0/nvme0n1')).toEqual([
      '0000:00:1d.0',
      '0000:3d:00.0',
    ]);
  });

  it('reads part and slave lines; unknown kinds are unparsed', () => {
    const r = parseBlockDevices('part vda1 vda\nslave dm-0 vda1\nweird a b\n');
    expect(r.partitions).toEqual([{ partition: 'vda1', disk: 'vda', line: 1, text: 'part vda1 vda' }]);
    expect(r.slaves).toEqual([{ holder: 'dm-0', slave: 'vda1', line: 2, text: 'slave dm-0 vda1' }]);
    expect(r.unparsed.map((u) => u.line)).toEqual([3]);
  });

  it('returns nothing for empty input', () => {
    expect(parseBlockDevices('')).toEqual({ disks: [], partitions: [], slaves: [], unparsed: [] });
  });

  it('reads a disk line cut at 1 MiB as the disk it names', () => {
    for (const s of ['block x ' + '0000:00:00.0/'.repeat(200_000), 'block x ' + '0'.repeat(3_000_000)]) {
      const r = parseBlockDevices(s);
      expect(r.disks.map((d) => [d.name, d.text.length])).toEqual([['x', 1_048_576]]);
    }
  });

  it('parses a CRLF copy of virtio-vda.txt (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = fx('virtio-vda.txt');
    const r = parseBlockDevices(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseBlockDevices(lf));
    expect(r.disks.find((d) => d.name === 'vda')?.pciEndpoint).toBe('0000:00:02.0');
  });
});
