import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePciSysfs, unreadableKey } from '../../src/parsers/pci-sysfs.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parsePciSysfs', () => {
  it('parses the header sample (this machine, 0000:00:01.0)', () => {
    const r = parsePciSysfs(fx('pci-sysfs/firecracker-6.18.txt'));
    const d = r.devices[1];
    expect(d).toMatchObject({
      address: '0000:00:01.0',
      line: 13,
      path: '/sys/devices/pci0000:00/0000:00:01.0',
      vendor: '1af4',
      device: '1045',
      subsystemVendor: '1af4',
      subsystemDevice: '1045',
      class: 'ffff00',
      revision: '01',
      driver: 'virtio-pci',
      numaNode: -1,
      enable: 1,
    });
    expect(d?.driverOverride).toBeUndefined();
    expect(d?.entries.find((e) => e.key === 'driver')?.line).toBe(21);
    expect(r.unparsed).toEqual([]);
  });

  it('returns nothing for empty input', () => {
    expect(parsePciSysfs('')).toEqual({ devices: [], unparsed: [] });
  });

  it('sends lines outside a block to unparsed', () => {
    expect(parsePciSysfs('vendor=0x8086\n[not-an-address]\n').unparsed.map((u) => u.line)).toEqual([1, 2]);
  });

  it('has no driver for an unbound device', () => {
    const r = parsePciSysfs(fx('pci-sysfs/firecracker-6.18.txt'));
    expect(r.devices[0]).toMatchObject({ address: '0000:00:00.0', class: '060000', enable: 0 });
    expect(r.devices[0]?.driver).toBeUndefined();
    expect(r.devices.length).toBe(6);
  });

  it('records keys the collector could not read', () => {
    const r = parsePciSysfs('[0000:00:00.0]\nvendor=0x8086\n# unreadable: reset_method\n');
    expect(r.devices[0]?.unreadable.map(unreadableKey)).toEqual(['reset_method']);
  });

  it('returns on a 5 MB line', () => {
    expect(parsePciSysfs(`[${'0'.repeat(5_000_000)}`).unparsed.length).toBe(1);
  });
});
