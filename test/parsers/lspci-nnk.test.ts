import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLspciNnk } from '../../src/parsers/lspci-nnk.js';
import { normalizePciAddress } from '../../src/parsers/pci-address.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const realCase = (p: string): string => readFileSync(new URL(`../real-cases/cases/${p}`, import.meta.url), 'utf8');

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

  it('reads lspci -n: bare class code, ids and subsystem ids', () => {
    const r = parseLspciNnk(realCase('github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nkk-d-1002-67df.txt'));
    expect(r.devices).toHaveLength(1);
    expect(r.devices[0]).toMatchObject({
      address: '0000:01:00.0',
      classCode: '0300',
      vendorId: '1002',
      deviceId: '67df',
      rev: 'ef',
      line: 2,
    });
    expect(r.devices[0]?.subsystem).toMatchObject({ vendorId: '1da2', deviceId: 'e366', line: 3 });
    expect(r.devices[0]?.driver?.name).toBe('vfio-pci');
    expect(r.devices[0]?.driverKnown).toBe(true);
    expect(r.unparsed.map((u) => u.line)).toEqual([1]);
    const machine = parseLspciNnk(fx('loose/this-machine/lspci-n.txt'));
    expect(machine.devices.map((d) => `${d.address} ${d.classCode ?? ''} ${d.vendorId ?? ''}:${d.deviceId ?? ''}`)).toEqual([
      '0000:00:00.0 0600 8086:0d57',
      '0000:00:01.0 ffff 1af4:1045',
      '0000:00:02.0 0180 1af4:1042',
      '0000:00:03.0 0200 1af4:1041',
      '0000:00:04.0 ffff 1af4:1053',
      '0000:00:05.0 ffff 1af4:1044',
    ]);
  });

  it('knows "no driver" only in a whole -k listing: a function with no driver line followed by the next one', () => {
    const r = parseLspciNnk(fx('loose/this-machine/lspci-k.txt'));
    expect(r.devices[0]).toMatchObject({ address: '0000:00:00.0', driverKnown: true });
    expect(r.devices[0]?.driver).toBeUndefined();
    expect(r.devices.every((d) => d.driverKnown)).toBe(true);
  });

  it('leaves the driver unknown where the listing has no kernel lines (plain lspci, lspci -nn | grep)', () => {
    expect(parseLspciNnk(fx('loose/this-machine/lspci.txt')).devices.map((d) => d.driverKnown)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const grep = parseLspciNnk(realCase('github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nnk-grep-amd.txt'));
    expect(grep.devices.map((d) => [d.address, d.driverKnown])).toEqual([
      ['0000:01:00.0', false],
      ['0000:01:00.1', false],
    ]);
  });

  it('leaves the driver unknown in the block a grep -A cut ends, at the end of the input or at a -- separator', () => {
    // `lspci -nnk | grep -A1 'Host bridge'`: 00:01.0 is shown without its Subsystem and driver lines
    const one = parseLspciNnk(fx('loose/this-machine/lspci-nnk-grep-A1-host-bridge.txt'));
    expect(one.devices.map((d) => [d.address, d.driverKnown])).toEqual([
      ['0000:00:00.0', false],
      ['0000:00:01.0', false],
    ]);
    // the same with a second pattern: grep prints `--` between the two contexts
    const two = parseLspciNnk(fx('loose/this-machine/lspci-nnk-grep-A1-two.txt'));
    expect(two.devices.map((d) => [d.address, d.driverKnown, d.driver?.name ?? null])).toEqual([
      ['0000:00:00.0', false, null],
      ['0000:00:01.0', false, null],
      ['0000:00:04.0', true, 'virtio-pci'],
    ]);
    expect(two.unparsed.map((u) => u.text)).toEqual(['--']);
  });

  it('keeps whole blocks of a grep -B/-A listing known (each ends with its Kernel modules line)', () => {
    const r = parseLspciNnk(realCase('github-vincentsaelzler-hyper-homelab-rtx2060-bar1-sysfb/lspci-nnk-grep-vfio.txt'));
    expect(r.devices.map((d) => [d.address, d.driver?.name, d.driverKnown])).toEqual([
      ['0000:07:00.0', 'vfio-pci', true],
      ['0000:07:00.1', 'vfio-pci', true],
    ]);
  });

  it('makes one device of a function listed twice, completed from the later block', () => {
    const joined = `${realCase('github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nnk-grep-amd.txt')}--\n${realCase(
      'github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nkk-d-1002-67df.txt',
    )}`;
    const r = parseLspciNnk(joined);
    expect(r.devices.map((d) => d.address)).toEqual(['0000:01:00.0', '0000:01:00.1']);
    expect(r.devices[0]).toMatchObject({ line: 2, description: expect.stringContaining('Ellesmere') as unknown, driverKnown: true });
    expect(r.devices[0]?.driver).toMatchObject({ name: 'vfio-pci', line: 8 });
    expect(r.devices[1]?.driverKnown).toBe(false);
  });
});
