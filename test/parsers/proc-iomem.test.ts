import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProcIomem } from '../../src/parsers/proc-iomem.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/iomem/${p}`, import.meta.url), 'utf8');

describe('parseProcIomem', () => {
  it('reads the tree of a Debian 6.1 lab boot: the BARs of each function and who holds them', () => {
    const m = parseProcIomem(fx('lab-intel-healthy-6.1.txt'));
    expect(m.ranges).toHaveLength(43);
    expect(m.unparsed).toEqual([]);
    expect(m.addressesHidden).toBe(false);
    expect(m.ranges[24]).toEqual({
      line: 25,
      text: '    fe600000-fe603fff : 0000:02:00.0',
      depth: 2,
      start: 'fe600000',
      end: 'fe603fff',
      name: '0000:02:00.0',
      parent: 23,
    });
    expect(m.ranges[23]?.name).toBe('PCI Bus 0000:02');
    // the NVMe controller's BAR is held by nvme; the NIC on vfio-pci has four BARs nobody requested yet
    expect(m.pciRegions.map((r) => [r.address, m.ranges[r.range]?.line, r.holders])).toEqual([
      ['0000:00:02.0', 21, []],
      ['0000:02:00.0', 25, ['nvme']],
      ['0000:01:00.0', 28, []],
      ['0000:01:00.0', 29, []],
      ['0000:01:00.0', 30, []],
      ['0000:01:00.0', 31, []],
      ['0000:00:02.0', 32, []],
      ['0000:00:03.0', 33, []],
      ['0000:00:04.0', 34, []],
      ['0000:00:1f.2', 35, []],
    ]);
    // above 4 GiB the bounds have more digits
    expect(m.ranges[42]).toMatchObject({ start: '100000000', end: '8ffffffff', depth: 0, parent: null });
  });

  it('reads this machine as root: virtio-pci-modern holds every BAR', () => {
    const m = parseProcIomem(fx('firecracker-6.18-root.txt'));
    expect(m.pciRegions).toEqual(
      ['0000:00:01.0', '0000:00:02.0', '0000:00:03.0', '0000:00:04.0', '0000:00:05.0'].map((address, i) => ({
        address,
        range: 17 + 2 * i,
        holders: ['virtio-pci-modern'],
      })),
    );
    expect(m.ranges[13]).toMatchObject({ line: 14, depth: 2, name: 'PCI Bus 0000:00', parent: 12 });
  });

  it('knows the view of another user than root: same tree and names, every address zero', () => {
    const root = parseProcIomem(fx('firecracker-6.18-root.txt'));
    const nobody = parseProcIomem(fx('firecracker-6.18-nobody.txt'));
    expect(nobody.addressesHidden).toBe(true);
    expect(nobody.ranges[0]).toMatchObject({ start: '00000000', end: '00000000', name: 'Reserved' });
    expect(nobody.ranges.map((r) => [r.depth, r.name, r.parent])).toEqual(root.ranges.map((r) => [r.depth, r.name, r.parent]));
    expect(nobody.pciRegions.map((r) => r.holders)).toEqual(root.pciRegions.map((r) => r.holders));
  });

  it('reads a pasted excerpt: the boot framebuffer inside the GPU BAR; cut marks are unparsed', () => {
    const m = parseProcIomem(fx('qemu-devel-workstation-bootfb.txt'));
    expect(m.pciRegions).toEqual([{ address: '0000:00:02.0', range: 2, holders: ['BOOTFB'] }]);
    expect(m.unparsed.map((u) => u.line)).toEqual([1, 6, 12]);
    expect(m.ranges[5]).toMatchObject({ name: 'Reserved', parent: 4, depth: 1 });
  });

  it('reads a grep of it as a user (zero addresses), with the prompt line unparsed', () => {
    const m = parseProcIomem(fx('dri-devel-torvalds-grep-bootfb.txt'));
    expect(m.ranges).toEqual([
      { line: 2, text: '        00000000-00000000 : BOOTFB', depth: 4, start: '00000000', end: '00000000', name: 'BOOTFB', parent: null },
    ]);
    expect(m.addressesHidden).toBe(true);
    expect(m.unparsed.map((u) => u.line)).toEqual([1]);
  });

  it('returns nothing for empty input and stays linear on a deep or long hostile tree', () => {
    expect(parseProcIomem('')).toEqual({ ranges: [], pciRegions: [], addressesHidden: false, unparsed: [] });
    const deep = Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(2 * i)}00000000-00000fff : 0000:00:02.0`).join('\n');
    const t0 = performance.now();
    const m = parseProcIomem(deep);
    expect(m.pciRegions).toHaveLength(3_000);
    expect(m.pciRegions[0]?.holders).toHaveLength(32);
    expect(parseProcIomem(`${'0'.repeat(1_000_000)}-`).unparsed).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
