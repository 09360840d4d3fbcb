import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDmesg } from '../../src/parsers/dmesg.js';
import { parseIommuGroups, parseIommuGroupsFromDmesg } from '../../src/parsers/iommu-groups.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseIommuGroups', () => {
  it('parses the header sample (Arch wiki loop output)', () => {
    const g = parseIommuGroups(fx('iommu-groups/asokolsky-duo-lspci-loop.txt'));
    expect(g.groups['2']).toEqual(['0000:00:14.0', '0000:00:14.2']);
    expect(g.deviceGroup['0000:00:14.2']).toBe(2);
    expect(g.memberships[4]).toMatchObject({ line: 5, group: 2, address: '0000:00:14.0' });
    expect(g.groups['8']?.length).toBe(3);
    expect(g.unparsed).toEqual([]);
  });

  it('returns nothing for empty input (no IOMMU, as on this machine)', () => {
    expect(parseIommuGroups('')).toEqual({ memberships: [], groups: {}, deviceGroup: {}, unparsed: [] });
  });

  it('sends other lines to unparsed', () => {
    expect(parseIommuGroups('total 0\n').unparsed.length).toBe(1);
  });

  it('returns on a 5 MB line', () => {
    expect(parseIommuGroups('/sys/kernel/iommu_groups/'.repeat(200_000)).unparsed.length).toBe(1);
  });
});

describe('parseIommuGroupsFromDmesg', () => {
  it('reads "Adding to iommu group" lines of a real boot log', () => {
    const g = parseIommuGroupsFromDmesg(parseDmesg(fx('dmesg/lkml-amd-vi-iommu-groups.txt')));
    expect(g.deviceGroup['0000:00:00.0']).toBe(0);
    expect(g.groups['11']).toEqual(['0000:00:14.0', '0000:00:14.3']);
    expect(g.groups['20']?.length).toBe(14);
    expect(g.memberships[0]).toMatchObject({ line: 4, text: '[    0.389411] pci 0000:00:00.0: Adding to iommu group 0' });
  });

  it('takes the address after a driver name and skips non-PCI devices', () => {
    const g = parseIommuGroupsFromDmesg(parseDmesg(fx('dmesg/lkml-hisi-grep-iommu-group.txt')));
    expect(g.deviceGroup['000a:11:00.0']).toBe(2);
    expect(g.groups['5']).toEqual(['0002:f8:00.0', '0002:f9:00.0', '0002:f9:00.1']);
    expect(Object.keys(g.deviceGroup)).not.toContain('HISI0162:01');
    expect(g.memberships.length).toBe(12);
  });

  it('finds no groups in a log without an IOMMU (this machine)', () => {
    expect(parseIommuGroupsFromDmesg(parseDmesg(fx('dmesg/firecracker-6.18.txt'))).memberships).toEqual([]);
  });
});
