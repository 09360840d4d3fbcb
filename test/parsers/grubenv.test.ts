import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGrubenv } from '../../src/parsers/grubenv.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/grubenv/${p}`, import.meta.url), 'utf8');

describe('parseGrubenv', () => {
  it('parses the header sample (rhel8-kernelopts.env lines 1–4)', () => {
    const r = parseGrubenv(fx('rhel8-kernelopts.env').split('\n').slice(0, 4).join('\n'));
    expect(r.hasHeader).toBe(true);
    expect(r.savedEntry?.value).toBe('rocky-20220212013135-5.16.9-custom');
    expect(r.kernelopts).toMatchObject({ line: 4 });
    expect(r.kernelopts?.value.startsWith('root=/dev/mapper/rl-root ro')).toBe(true);
  });

  it('reads a whole 1024-byte block written by grub-editenv, padding ignored', () => {
    const text = fx('rhel8-kernelopts.env');
    expect(text.length).toBe(1024);
    const r = parseGrubenv(text);
    expect(r.vars.map((v) => v.name)).toEqual(['saved_entry', 'kernelopts', 'boot_success']);
    expect(r.kernelopts?.value.endsWith('intel_iommu=on iommu=pt')).toBe(true);
    expect(r.unparsed).toEqual([]);
  });

  it('reads a RHEL 7 block with only saved_entry (grubby test data)', () => {
    const r = parseGrubenv(fx('grubby-test-rhel7.env'));
    expect(r.kernelopts).toBeUndefined();
    expect(r.savedEntry?.value).toBe('Red Hat Enterprise Linux Server (3.10.0-327.22.2.el7.x86_64.debug) 7.2 (Maipo) with debugging');
  });

  it('returns nothing for empty input; lines without = are unparsed', () => {
    expect(parseGrubenv('')).toEqual({ vars: [], hasHeader: false, unparsed: [] });
    expect(parseGrubenv('# GRUB Environment Block\nnonsense\n').unparsed).toEqual([{ line: 2, text: 'nonsense' }]);
  });

  it('parses a CRLF copy of each block (newlines converted to CRLF in the test) like the LF original', () => {
    for (const name of ['rhel8-kernelopts.env', 'grubby-test-rhel7.env']) {
      const lf = fx(name);
      const r = parseGrubenv(lf.replaceAll('\n', '\r\n'));
      expect(r).toEqual(parseGrubenv(lf));
      expect(r.hasHeader).toBe(true);
    }
  });
});
