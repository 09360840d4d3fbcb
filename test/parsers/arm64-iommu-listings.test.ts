import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDevicetreeIommu } from '../../src/parsers/devicetree-iommu.js';
import { parseIommuDevices } from '../../src/parsers/iommu-devices.js';
import { parseIommuGroupType } from '../../src/parsers/iommu-group-type.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseIommuDevices', () => {
  it('reads the SMMUv3 of a Debian arm64 lab boot and the devices behind it', () => {
    const d = parseIommuDevices(fx('iommu-devices/lab-arm64-healthy-dt-6.1.txt'));
    expect(d.unparsed).toEqual([]);
    expect(d.units).toEqual([
      { name: 'smmu3.0x0000000009050000', kind: 'arm-smmu-v3', devices: ['0000:00:03.0', '0000:00:04.0', '0000:01:00.0', '0000:02:00.0'] },
    ]);
    expect(d.links[0]).toEqual({
      line: 1,
      text: 'smmu3.0x0000000009050000 0000:00:03.0',
      unit: 'smmu3.0x0000000009050000',
      kind: 'arm-smmu-v3',
      device: '0000:00:03.0',
    });
  });

  it('reads the VT-d unit of an x86 lab boot', () => {
    const d = parseIommuDevices(fx('iommu-devices/lab-intel-healthy-6.1.txt'));
    expect(d.units.map((u) => [u.name, u.kind, u.devices.length])).toEqual([['dmar0', 'intel-vt-d', 9]]);
    expect(d.units[0]?.devices).toContain('0000:01:00.0');
  });

  it('returns nothing for an empty listing and keeps odd lines', () => {
    expect(parseIommuDevices('')).toEqual({ links: [], units: [], unparsed: [] });
    expect(parseIommuDevices('ivhd0 0000:00:00.2\nls: cannot access\n')).toMatchObject({
      units: [{ name: 'ivhd0', kind: 'amd-vi', devices: ['0000:00:00.2'] }],
      unparsed: [{ line: 2, text: 'ls: cannot access' }],
    });
  });
});

describe('parseIommuGroupType', () => {
  it('reads translated groups on arm64 (no iommu.passthrough) and identity groups on x86 with iommu=pt', () => {
    expect(parseIommuGroupType(fx('iommu-group-type/lab-arm64-healthy-acpi-6.1.txt')).groups.map((g) => [g.group, g.type])).toEqual([
      [0, 'DMA'],
      [1, 'DMA'],
      [2, 'DMA'],
      [3, 'DMA'],
    ]);
    const x86 = parseIommuGroupType(fx('iommu-group-type/lab-intel-healthy-6.1.txt'));
    expect(x86.groups).toHaveLength(7);
    expect(x86.groups.every((g) => g.type === 'identity')).toBe(true);
    expect(x86.groups[6]).toEqual({ line: 7, text: '6 identity', group: 6, type: 'identity' });
  });

  it('keeps an unreadable group with a null type; other lines are unparsed', () => {
    expect(parseIommuGroupType('# unreadable: 3\n4 DMA-FQ\n5 bogus\n')).toEqual({
      groups: [
        { line: 1, text: '# unreadable: 3', group: 3, type: null },
        { line: 2, text: '4 DMA-FQ', group: 4, type: 'DMA-FQ' },
      ],
      unparsed: [{ line: 3, text: '5 bogus' }],
    });
  });
});

describe('parseDevicetreeIommu', () => {
  it('reads the SMMUv3, the ITS and the PCIe host bridge wired to both on a device-tree boot', () => {
    const t = parseDevicetreeIommu(fx('devicetree-iommu/lab-arm64-healthy-dt-6.1.txt'));
    expect(t.unparsed).toEqual([]);
    expect(t.cut).toBe(false);
    expect(t.iommuProviders).toEqual(['/smmuv3@9050000']);
    expect(t.msiControllers).toEqual(['/intc@8000000/its@8080000']);
    expect(t.iommuMasters).toEqual(['/pcie@10000000']);
    expect(t.msiMasters).toEqual(['/pcie@10000000']);
    expect(t.nodes).toEqual([
      {
        line: 1,
        text: 'msi-controller /intc@8000000/its@8080000',
        node: '/intc@8000000/its@8080000',
        properties: ['msi-controller'],
        compatible: ['arm,gic-v3-its'],
        status: null,
      },
      {
        line: 3,
        text: 'msi-map /pcie@10000000',
        node: '/pcie@10000000',
        properties: ['msi-map', 'iommu-map'],
        compatible: [],
        status: null,
      },
      {
        line: 5,
        text: '#iommu-cells /smmuv3@9050000',
        node: '/smmuv3@9050000',
        properties: ['#iommu-cells'],
        compatible: ['arm,smmu-v3'],
        status: null,
      },
    ]);
  });

  it('reads a disabled provider, a cut listing and unknown lines', () => {
    const t = parseDevicetreeIommu('#iommu-cells /smmu@2b400000\nstatus /smmu@2b400000 disabled\n# more not listed\nfoo bar\n');
    expect(t.nodes[0]).toMatchObject({ node: '/smmu@2b400000', status: 'disabled' });
    expect(t.cut).toBe(true);
    expect(t.unparsed.map((u) => u.text)).toEqual(['foo bar']);
  });
});
