import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDmesg } from '../../src/parsers/dmesg.js';
import { parseIommuGroups, parseIommuGroupsFromDmesg } from '../../src/parsers/iommu-groups.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');
const realCase = (p: string): string => readFileSync(new URL(`../real-cases/cases/${p}`, import.meta.url), 'utf8');

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
    expect(parseIommuGroups('')).toEqual({ memberships: [], platformMembers: [], groups: {}, deviceGroup: {}, unparsed: [] });
  });

  it('sends other lines to unparsed', () => {
    expect(parseIommuGroups('total 0\n').unparsed.length).toBe(1);
  });

  it('returns on a 5 MB line', () => {
    expect(parseIommuGroups('/sys/kernel/iommu_groups/'.repeat(200_000)).unparsed.length).toBe(1);
  });
});

describe('parseIommuGroups, other listings support is given', () => {
  it('reads the shell loop that prints a header per group and indented lspci lines', () => {
    const g = parseIommuGroups(realCase('github-kholia-osx-kvm-notes-rx580-vfio-healthy/iommu-groups.txt'));
    expect(g.groups).toEqual({ '0': ['0000:00:00.0'], '1': ['0000:00:01.0', '0000:01:00.0', '0000:01:00.1'] });
    expect(g.memberships[2]).toMatchObject({ line: 6, group: 1, address: '0000:01:00.0' });
    expect(g.unparsed.map((u) => u.line)).toEqual([1]);
  });

  it('reads ls-iommu -grk: the group and member on one line with a colon, driver lines under each member', () => {
    const g = parseIommuGroups(realCase('github-hikariknight-quickpassthrough-22-rtx3060-chipset-group/ls-iommu-grk.txt'));
    expect(g.groups['12']).toEqual(['0000:01:00.0', '0000:01:00.1', '0000:01:00.2', '0000:02:00.0', '0000:02:01.0']);
    expect(g.unparsed).toHaveLength(10);
  });

  it('reads the `### Group N ###` variant', () => {
    const text = realCase('github-ashtonian-kvm-aio-rx550-vfio-groups-healthy/terminal-session.txt').split('\n').slice(226, 305).join('\n');
    const g = parseIommuGroups(text);
    expect(g.groups['17']).toEqual(['0000:00:1d.0']);
    expect(g.groups['7']).toEqual(['0000:00:14.2', '0000:00:14.0']);
  });

  it('keeps non-PCI members of find output as platform members (a Raspberry Pi 5 has only platform devices in groups)', () => {
    const g = parseIommuGroups(realCase('github-raspberrypi-linux-6834-rpi5-pcie-no-iommu/description-iommu-groups.txt'));
    expect(g.memberships).toEqual([]);
    expect(g.platformMembers.map((m) => [m.group, m.name])).toEqual([
      [1, '107c580000.hvs'],
      [1, 'axi:gpu'],
      [0, '1000800000.codec'],
      [0, '1000880000.pisp_be'],
    ]);
    // The prompt line the paste starts with.
    expect(g.unparsed.map((u) => u.line)).toEqual([1]);
  });

  it('reads `ls -l` rows under a devices header: the link name', () => {
    // this machine's real `ls -l` rows of PCI device links, under the header `ls` prints for a group's devices directory
    const g = parseIommuGroups(`/sys/kernel/iommu_groups/5/devices:\n${fx('loose/this-machine/ls-l-sys-bus-pci-devices.txt')}`);
    expect(g.groups['5']).toEqual(['0000:00:00.0', '0000:00:01.0', '0000:00:02.0', '0000:00:03.0', '0000:00:04.0', '0000:00:05.0']);
    expect(g.unparsed.map((u) => u.text)).toEqual(['total 0']);
  });
});

describe('parseIommuGroupsFromDmesg', () => {
  it('reads the "iommu: Adding device <dev> to group <n>" lines of kernels before 4.17', () => {
    const g = parseIommuGroupsFromDmesg(parseDmesg(realCase('github-pcengines-apu2-documentation-236-group-not-viable/dmesg-iommu.txt')));
    expect(g.groups['1']).toEqual(['0000:00:02.0', '0000:00:02.2', '0000:00:02.3', '0000:00:02.4', '0000:00:02.5']);
    expect(g.groups['6']).toEqual(['0000:00:14.0', '0000:00:14.3', '0000:00:14.7']);
    expect(g.memberships[0]).toMatchObject({ line: 3, group: 0, address: '0000:00:00.0' });
  });

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
