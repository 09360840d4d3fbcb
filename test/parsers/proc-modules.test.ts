import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findModule, parseProcModules } from '../../src/parsers/proc-modules.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseProcModules', () => {
  it('parses the header sample (Red Hat /proc/modules)', () => {
    const m = parseProcModules(fx('proc-modules/rhel6-deployment-guide.txt'));
    expect(m.modules[0]).toEqual({
      line: 1,
      text: 'nfs      170109  0 -          Live 0x129b0000',
      name: 'nfs',
      size: 170109,
      useCount: 0,
      usedBy: [],
      state: 'Live',
      address: '0x129b0000',
    });
    expect(m.modules[1]?.usedBy).toEqual(['nfs']);
    expect(m.modules.length).toBe(14);
    expect(m.unparsed).toEqual([]);
  });

  it('returns nothing for empty input (kernel booted with nomodule)', () => {
    expect(parseProcModules('')).toEqual({ modules: [], unparsed: [] });
  });

  it('sends malformed lines to unparsed', () => {
    const m = parseProcModules("lsmod: ERROR: could not open '/proc/modules': No such file or directory\n");
    expect(m.modules).toEqual([]);
    expect(m.unparsed.length).toBe(1);
  });

  it('splits comma lists with a trailing comma', () => {
    const m = parseProcModules(fx('proc-modules/rhel6-deployment-guide.txt'));
    expect(findModule(m, 'sunrpc')?.usedBy).toEqual(['nfs', 'lockd']);
    expect(findModule(m, 'dm-mod')?.name).toBe('dm_mod');
  });

  it('returns on a 5 MB line', () => {
    expect(parseProcModules('a '.repeat(2_500_000)).unparsed.length).toBe(1);
  });
});
