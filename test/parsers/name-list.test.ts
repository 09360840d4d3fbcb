import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasName, parseNameList } from '../../src/parsers/name-list.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseNameList', () => {
  it('parses the header sample (ACPI tables of this machine)', () => {
    const l = parseNameList(fx('name-list/acpi-tables-firecracker-6.18.txt'));
    expect(l.names.slice(0, 3)).toEqual([
      { line: 1, text: 'APIC', name: 'APIC' },
      { line: 2, text: 'DSDT', name: 'DSDT' },
      { line: 3, text: 'FACP', name: 'FACP' },
    ]);
    expect(hasName(l, 'DMAR')).toBeUndefined();
    expect(hasName(l, 'MCFG')?.line).toBe(4);
  });

  it('returns nothing for an empty listing', () => {
    expect(parseNameList('')).toEqual({ names: [], unparsed: [] });
  });

  it('sends lines with blanks to unparsed', () => {
    const l = parseNameList("ls: cannot access '/sys/firmware/efi': No such file or directory\n");
    expect(l.names).toEqual([]);
    expect(l.unparsed.length).toBe(1);
  });
});
