import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCpuinfo } from '../../src/parsers/cpuinfo.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseCpuinfo', () => {
  it('parses the header sample (AMD EPYC guest)', () => {
    const c = parseCpuinfo(fx('cpuinfo/firecracker-6.18-amd-epyc.txt'));
    expect(c.vendorId).toMatchObject({ line: 2, value: 'AuthenticAMD' });
    expect(c.modelName?.value).toBe('AMD EPYC');
    expect(c.processors).toBe(2);
    expect(c.hypervisor).toBe(true);
    expect(c.flags).toEqual([...c.flags].sort());
    expect(c.fields['power management']?.value).toBe('');
  });
  it('returns nothing for empty input, and unparsed for lines without a colon', () => {
    expect(parseCpuinfo('')).toMatchObject({ processors: 0, flags: [], hypervisor: false, unparsed: [] });
    expect(parseCpuinfo('garbage\n').unparsed.length).toBe(1);
  });
  it('returns on a 5 MB flags line', () => {
    expect(parseCpuinfo(`flags\t: ${'a '.repeat(2_500_000)}`).flags).toEqual(['a']);
  });
});
