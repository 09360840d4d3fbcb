import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMessages, parseDmesg } from '../../src/parsers/dmesg.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseDmesg', () => {
  it('parses the header sample (guide dmesg | grep -i vfio)', () => {
    const d = parseDmesg(fx('dmesg/guide-grep-vfio.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.records[0]).toEqual({
      line: 1,
      text: '[ 0.329224] VFIO - User Level meta-driver version: 0.3',
      message: 'VFIO - User Level meta-driver version: 0.3',
      time: 0.329224,
      kind: 'monotonic',
    });
    expect(d.records[1]?.message).toBe('vfio_pci: add [10de:13c2[ffff:ffff]] class 0x000000/00000000');
    expect(d.firstMonotonic).toBe(0.329224);
  });

  it('returns an empty log for empty input', () => {
    expect(parseDmesg('')).toEqual({ format: 'empty', records: [], meta: [], unparsed: [] });
  });

  it('keeps lines without a stamp as raw records', () => {
    const d = parseDmesg(fx('dmesg/lkml-amd-vi-iommu-groups.txt'));
    const wrapped = d.records.find((r) => r.line === 57);
    expect(wrapped).toMatchObject({ kind: 'raw', message: 'PPR NX GT [5] IA GA PC GA_vAPIC' });
    expect(wrapped?.time).toBeUndefined();
    expect(d.format).toBe('monotonic');
    expect(findMessages(d, 'AMD-Vi: Interrupt remapping enabled')[0]?.line).toBe(58);
  });

  it('reads real dmesg from this machine with its first stamp at 0', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18.txt'));
    expect(d.records.length).toBe(342);
    expect(d.firstMonotonic).toBe(0);
    expect(d.records[0]?.message.startsWith('Linux version 6.18.44-fc-v782')).toBe(true);
  });

  it('reads dmesg -T ctime stamps without a monotonic time', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18-T.txt'));
    expect(d.format).toBe('ctime');
    expect(d.firstMonotonic).toBeUndefined();
    expect(d.records[2]?.message).toBe("[Firmware Bug]: TSC doesn't count with P0 frequency!");
  });

  it('removes <N> level prefixes of dmesg -r', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18-r.txt'));
    expect(d.format).toBe('monotonic');
    expect(d.records[0]).toMatchObject({ level: 5, time: 0 });
    expect(d.records[2]).toMatchObject({ level: 4, message: "[Firmware Bug]: TSC doesn't count with P0 frequency!" });
  });

  it('puts journal banners in meta', () => {
    const d = parseDmesg(fx('dmesg/firecracker-6.18-journalctl-k.txt'));
    expect(d.records).toEqual([]);
    expect(d.meta).toEqual([{ line: 1, text: '-- No entries --' }]);
  });

  it('returns quickly on a 5 MB line of [ and of <', () => {
    expect(parseDmesg('['.repeat(5_000_000)).records[0]?.kind).toBe('raw');
    expect(parseDmesg('<'.repeat(5_000_000)).records.length).toBe(1);
  });
});
