// Raw evidence from the QEMU lab (test/fixtures/lab/, provenance in SOURCES.md): real Debian 6.1
// kernels with a virtual Intel IOMMU, read through the real parsers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMessages, parseDmesg } from '../../src/parsers/dmesg.js';
import { parseIommuGroups, parseIommuGroupsFromDmesg } from '../../src/parsers/iommu-groups.js';
import { parseLspciNnk } from '../../src/parsers/lspci-nnk.js';
import { findModule, parseProcModules } from '../../src/parsers/proc-modules.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/lab/${p}`, import.meta.url), 'utf8');

describe('lab intel-healthy-6.1', () => {
  it('sysfs groups agree with the kernel log groups', () => {
    const sys = parseIommuGroups(fx('intel-healthy-6.1/iommu-groups.txt'));
    const log = parseIommuGroupsFromDmesg(parseDmesg(fx('intel-healthy-6.1/dmesg.txt')));
    expect(sys.unparsed).toEqual([]);
    expect(sys.memberships.length).toBe(9);
    expect(sys.deviceGroup['0000:00:00.0']).toBe(0);
    for (const [addr, g] of Object.entries(sys.deviceGroup)) expect(log.deviceGroup[addr]).toBe(g);
  });

  it('reads DMAR lines, vfio-pci binding and loaded modules', () => {
    const d = parseDmesg(fx('intel-healthy-6.1/dmesg.txt'));
    expect(d.format).toBe('monotonic');
    expect(findMessages(d, 'DMAR: IOMMU enabled')[0]?.line).toBe(82);
    const nic = parseLspciNnk(fx('intel-healthy-6.1/lspci-nnk.txt')).devices.find((x) => x.address === '0000:01:00.0');
    expect(nic).toMatchObject({ vendorId: '8086', deviceId: '10d3' });
    expect(nic?.driver?.name).toBe('vfio-pci');
    const mods = parseProcModules(fx('intel-healthy-6.1/proc-modules.txt'));
    expect(mods.unparsed).toEqual([]);
    expect(findModule(mods, 'nvme')).toMatchObject({ size: 57344, state: 'Live', address: '0xffffffffc067d000' });
  });
});
