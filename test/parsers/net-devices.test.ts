import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNetDevices } from '../../src/parsers/net-devices.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/net-devices/${p}`, import.meta.url), 'utf8');
const none = { ipv4Default: false, ipv4Subnet: false, ipv4Gateway: false, ipv6Default: false, ipv6Global: false };

describe('parseNetDevices', () => {
  it('finds the PCI function of a NIC on its host driver (Debian 6.1 lab, x86 and arm64 alike)', () => {
    for (const f of ['lab-host-driver-claims-6.1.txt', 'lab-arm64-host-driver-acpi-6.1.txt']) {
      const n = parseNetDevices(fx(f));
      expect(n.unparsed, f).toEqual([]);
      expect(n.routes, f).toEqual([]);
      expect(n.devices.map((d) => d.name)).toEqual(['eth0', 'lo']);
      expect(n.devices[0]).toMatchObject({
        line: 1,
        text: '[eth0]',
        path: '/sys/devices/pci0000:00/0000:00:03.0/0000:01:00.0/net/eth0',
        pciAddress: '0000:01:00.0',
        attachment: 'pci',
        device: '0000:01:00.0',
        driver: 'e1000e',
        master: null,
        lowers: [],
        type: 1,
        operstate: 'down',
        carries: none,
      });
      expect(n.devices[1]).toMatchObject({ name: 'lo', pciAddress: null, attachment: 'virtual', type: 772, driver: null });
    }
  });

  it('reads this machine: a virtio NIC on 0000:00:03.0 carries the default routes and a global IPv6 address', () => {
    const n = parseNetDevices(fx('firecracker-6.18.txt'));
    expect(n.unparsed).toEqual([]);
    expect(n.devices.map((d) => [d.name, d.pciAddress, d.attachment, d.driver, d.operstate])).toEqual([
      ['eth0', '0000:00:03.0', 'virtio', 'virtio_net', 'up'],
      ['ifb0', null, 'virtual', null, 'down'],
      ['ifb1', null, 'virtual', null, 'down'],
      ['lo', null, 'virtual', null, 'unknown'],
    ]);
    expect(n.devices[0]?.carries).toEqual({ ipv4Default: true, ipv4Subnet: true, ipv4Gateway: false, ipv6Default: true, ipv6Global: true });
    expect(n.devices[1]?.carries).toEqual(none);
    expect(n.routes[0]).toEqual({ line: 23, text: 'route4 eth0 default', kind: 'route4', device: 'eth0', scope: 'default' });
  });

  it('sees the host traffic on a bridge and the port under it (a bridge and a veth pair in a network namespace here)', () => {
    const n = parseNetDevices(fx('firecracker-6.18-netns-bridge.txt'));
    expect(n.unparsed).toEqual([]);
    const br0 = n.devices.find((d) => d.name === 'br0');
    expect(br0).toMatchObject({ lowers: ['v0'], attachment: 'virtual', master: null });
    expect(br0?.carries).toEqual({ ipv4Default: true, ipv4Subnet: true, ipv4Gateway: false, ipv6Default: true, ipv6Global: true });
    expect(n.devices.find((d) => d.name === 'v0')).toMatchObject({ master: 'br0', lowers: [], carries: none });
  });

  it('sends unknown lines and keys to unparsed, keeps the first of a repeated key', () => {
    const n = parseNetDevices('[eth9]\npath=/sys/devices/platform/soc/ff540000.ethernet/net/eth9\nspeed=1000\npath=/x\nroute5 eth9 x\n');
    expect(n.devices[0]).toMatchObject({
      path: '/sys/devices/platform/soc/ff540000.ethernet/net/eth9',
      pciAddress: null,
      attachment: 'platform',
    });
    expect(n.unparsed.map((u) => u.text)).toEqual(['speed=1000', 'path=/x', 'route5 eth9 x']);
  });

  it('returns nothing for empty input and stays linear on a long line', () => {
    expect(parseNetDevices('')).toEqual({ devices: [], routes: [], unparsed: [] });
    const t0 = performance.now();
    expect(parseNetDevices(`[a]\npath=${'/0000:00:00.0'.repeat(100_000)}\n`).devices[0]?.pciAddress).toBe('0000:00:00.0');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
