import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLspciVvv } from '../../src/parsers/lspci-vvv.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseLspciVvv', () => {
  it('parses the header sample (pciutils cap-pcie-2 through lspci -F -nnvvv)', () => {
    const r = parseLspciVvv(fx('lspci-vvv/pciutils-cap-pcie-2-nnvvv.txt'));
    const nic = r.devices[0];
    expect(nic).toMatchObject({ address: '0000:01:00.0', vendorId: '8086', deviceId: '10c9', classCode: '0200' });
    expect(nic?.express).toMatchObject({ line: 21, version: 2, type: 'Endpoint' });
    expect(nic?.flr).toMatchObject({ line: 23, capable: true });
    expect(nic?.sriov).toMatchObject({ initialVfs: 8, totalVfs: 8, numVfs: 1 });
    expect(nic?.regions.map((x) => [x.index, x.kind, x.address])).toEqual([
      [0, 'memory', 'e0800000'],
      [1, 'memory', 'e0000000'],
      [2, 'io', '1020'],
      [3, 'memory', 'e0840000'],
    ]);
    expect(r.unparsed).toEqual([]);
  });

  it('returns nothing for empty input', () => {
    expect(parseLspciVvv('')).toEqual({ devices: [], unparsed: [] });
  });

  it('sends lines before any device to unparsed', () => {
    expect(parseLspciVvv('\tKernel driver in use: vfio-pci\n').unparsed.length).toBe(1);
  });

  it('reads ACS flags and port type of a root port; Capabilities Subsystem is not the device subsystem', () => {
    const r = parseLspciVvv(fx('lspci-vvv/pciutils-cap-aer-root-nnvvv.txt'));
    const port = r.devices[0];
    expect(port?.express?.type).toBe('Root Port');
    expect(port?.acs?.cap?.flags).toMatchObject({ SrcValid: true, ReqRedir: true, CmpltRedir: true, UpstreamFwd: true, EgressCtrl: false });
    expect(port?.acs?.ctl?.line).toBe(54);
    expect(port?.subsystem?.line).toBe(2);
    expect(port?.progIf).toBe('00');
    expect(r.devices[1]).toMatchObject({ address: '0000:03:00.0', vendorId: '15b3' });
    expect(r.devices[1]?.flr?.capable).toBe(true);
    expect(r.devices[1]?.acs).toBeUndefined();
  });

  it('keeps hex dump lines with the device and reads output without -nn', () => {
    const r = parseLspciVvv(fx('lspci-vvv/pciutils-cap-pcie-2-vvxxx.txt'));
    expect(r.devices.length).toBe(1);
    expect(r.devices[0]).toMatchObject({ className: 'Ethernet controller', description: 'Intel Corporation Device 10c9', rev: '01' });
    expect(r.devices[0]?.vendorId).toBeUndefined();
    expect(r.devices[0]?.sriov?.totalVfs).toBe(8);
    expect(r.unparsed).toEqual([]);
  });

  it('reads drivers on this machine, which has no PCI Express capability', () => {
    const r = parseLspciVvv(fx('lspci-vvv/firecracker-6.18.txt'));
    expect(r.devices.length).toBe(6);
    expect(r.devices[1]?.driver?.name).toBe('virtio-pci');
    expect(r.devices[1]?.express).toBeUndefined();
    expect(r.devices[1]?.regions[0]).toMatchObject({ kind: 'memory', address: '4000000000' });
    expect(r.devices[0]?.capabilities).toEqual([]);
  });

  it('returns on a 5 MB line under a device', () => {
    const r = parseLspciVvv(`00:00.0 a: b\n\tCapabilities: [40] Express ${'a'.repeat(5_000_000)}\n`);
    expect(r.devices.length).toBe(1);
  });

  it('reads a listing whose tabs a paste turned into spaces', () => {
    // pastes through forums and chats turn each tab into spaces; the same dump, 8 and 2 spaces per level
    for (const unit of ['        ', '  ']) {
      const r = parseLspciVvv(fx('lspci-vvv/pciutils-cap-pcie-2-nnvvv.txt').replace(/\t/g, unit));
      expect(r.devices[0]?.flr).toMatchObject({ line: 23, capable: true });
      expect(r.devices[0]?.sriov).toMatchObject({ initialVfs: 8, totalVfs: 8, numVfs: 1 });
      expect(r.devices[0]?.express).toMatchObject({ type: 'Endpoint' });
    }
  });

  it('knows the driver of blocks a blank line ends in lspci -v (this machine)', () => {
    const r = parseLspciVvv(fx('loose/this-machine/lspci-v.txt'));
    expect(r.devices.map((d) => [d.address, d.driver?.name ?? null, d.driverKnown])).toEqual([
      ['0000:00:00.0', null, true],
      ['0000:00:01.0', 'virtio-pci', true],
      ['0000:00:02.0', 'virtio-pci', true],
      ['0000:00:03.0', 'virtio-pci', true],
      ['0000:00:04.0', 'virtio-pci', true],
      ['0000:00:05.0', 'virtio-pci', true],
    ]);
  });
});
