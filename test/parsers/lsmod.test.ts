import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLsmod } from '../../src/parsers/lsmod.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseLsmod', () => {
  it('parses the header sample (Oracle Linux lsmod)', () => {
    const m = parseLsmod(fx('lsmod/oracle-linux-ch06s02.txt'));
    expect(m.modules[0]).toEqual({
      line: 2,
      text: 'nls_utf8                1405  1 ',
      name: 'nls_utf8',
      size: 1405,
      useCount: 1,
      usedBy: [],
    });
    expect(m.modules.find((x) => x.name === 'parport')?.usedBy).toEqual(['ppdev', 'parport_pc']);
  });

  it('returns nothing for empty input', () => {
    expect(parseLsmod('')).toEqual({ modules: [], unparsed: [] });
  });

  it('sends elision lines of documentation excerpts to unparsed', () => {
    const m = parseLsmod(fx('lsmod/oracle-linux-ch06s02.txt'));
    expect(m.unparsed.map((u) => u.line)).toEqual([6, 10]);
    expect(m.modules.length).toBe(7);
  });

  it('returns on a 5 MB line', () => {
    expect(parseLsmod('a'.repeat(5_000_000)).unparsed.length).toBe(1);
  });
});
