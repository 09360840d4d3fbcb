import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMeminfo } from '../../src/parsers/meminfo.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseMeminfo', () => {
  it('parses the header sample and huge page counts', () => {
    const m = parseMeminfo(fx('meminfo/firecracker-6.18.txt'));
    expect(m.entries['MemTotal']).toEqual({ line: 1, text: 'MemTotal:       24683620 kB', value: 24683620, unit: 'kB' });
    expect(m.hugePagesTotal).toBe(0);
    expect(m.hugepagesizeKb).toBe(2048);
    expect(m.entries['HugePages_Total']?.unit).toBeUndefined();
    expect(m.unparsed).toEqual([]);
  });
  it('returns nothing for empty input and unparsed for malformed lines', () => {
    expect(parseMeminfo('').unparsed).toEqual([]);
    expect(parseMeminfo('MemTotal: lots\n').unparsed.length).toBe(1);
  });
  it('returns on a 5 MB line', () => {
    expect(parseMeminfo(`A:${' '.repeat(5_000_000)}x`).unparsed.length).toBe(1);
  });
});
