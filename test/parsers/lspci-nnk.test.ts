import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLspciNnk } from '../../src/parsers/lspci-nnk.js';
import { normalizePciAddress } from '../../src/parsers/pci-address.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseLspciNnk', () => {
  it('parses the header sample (guide lspci -nnk | grep NVIDIA -A 3)', () => {
    const r = parseLspciNnk(fx('lspci-nnk/guide-nvidia-grep-A3.txt'));
    const gpu = r.devices[0];
    expect(gpu).toMatchObject({
      address: '0000:42:00.0',
      slot: '42:00.0',
      className: 'VGA compatible controller',
      classCode: '0300',
      description: 'NVIDIA Corporation GP102 [GeForce GTX 1080 Ti]',
      vendorId: '10de',
      deviceId: '1b06',
      rev: 'a1',
      line: 1,
    });
    expect(gpu?.subsystem).toMatchObject({ vendorId: '10de', deviceId: '120f', line: 2 });
    expect(gpu?.driver).toEqual({ line: 3, text: 'Kernel driver in use: vfio-pci', name: 'vfio-pci' });
    expect(gpu?.modules?.names).toEqual(['nouveau']);
    expect(r.devices[1]).toMatchObject({ address: '0000:42:00.1', classCode: '0403', deviceId: '10ef' });
    expect(r.devices[1]?.driver?.name).toBe('vfio-pci');
    expect(r.devices[1]?.modules).toBeUndefined();
  });

  it('returns nothing for empty input', () => {
    expect(parseLspciNnk('')).toEqual({ devices: [], unparsed: [] });
  });

  it('sends stray lines to unparsed', () => {
    const r = parseLspciNnk('lspci: Unable to load libkmod resources: error -2\n--\n');
    expect(r.unparsed.map((u) => u.line)).toEqual([1, 2]);
  });

  it('takes the last bracket group as ids when names contain brackets', () => {
    const r = parseLspciNnk(fx('lspci-nnk/guide-amd-grep-A3.txt'));
    expect(r.devices[0]).toMatchObject({
      description: 'Advanced Micro Devices, Inc. [AMD/ATI] Tonga XT GL [FirePro S7150]',
      vendorId: '1002',
      deviceId: '6929',
    });
    expect(r.devices[0]?.rev).toBeUndefined();
  });

  it('reads devices with and without a bound driver (this machine)', () => {
    const r = parseLspciNnk(fx('lspci-nnk/firecracker-6.18.txt'));
    expect(r.devices.map((d) => d.address)).toEqual([
      '0000:00:00.0',
      '0000:00:01.0',
      '0000:00:02.0',
      '0000:00:03.0',
      '0000:00:04.0',
      '0000:00:05.0',
    ]);
    expect(r.devices[0]?.driver).toBeUndefined();
    expect(r.devices[0]?.classCode).toBe('0600');
    expect(r.devices[1]).toMatchObject({ classCode: 'ffff', className: 'Unassigned class' });
    expect(r.devices[3]?.driver?.name).toBe('virtio-pci');
    expect(r.unparsed).toEqual([]);
  });

  it('normalises slots with and without domain', () => {
    expect(normalizePciAddress('42:00.0')).toBe('0000:42:00.0');
    expect(normalizePciAddress('000A:11:00.2')).toBe('000a:11:00.2');
    expect(normalizePciAddress('HISI0162:01')).toBeUndefined();
  });

  it('returns on 5 MB lines', () => {
    expect(parseLspciNnk('0'.repeat(5_000_000)).unparsed.length).toBe(1);
    expect(parseLspciNnk(`00:00.0 a: ${'['.repeat(5_000_000)}`).devices.length).toBe(1);
  });
});
