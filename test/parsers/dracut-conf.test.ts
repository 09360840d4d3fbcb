import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDracutConf } from '../../src/parsers/dracut-conf.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/dracut-conf/${p}`, import.meta.url), 'utf8');

describe('parseDracutConf', () => {
  it('parses the header sample (suse.conf.example lines 7–8)', () => {
    const r = parseDracutConf(fx('suse.conf.example').split('\n').slice(6, 8).join('\n'));
    expect(r.assignments.map((a) => [a.name, a.op, a.value, a.line])).toEqual([
      ['hostonly', '=', 'yes', 1],
      ['hostonly_cmdline', '=', 'yes', 2],
    ]);
  });

  it('collects += lists and ignores commented assignments', () => {
    const r = parseDracutConf(fx('suse.conf.example'));
    expect(r.lists['omit_drivers']).toEqual(['i2o_scsi']);
    expect(r.assignments.find((a) => a.name === 'omit_drivers')).toMatchObject({ op: '+=', line: 13, text: 'omit_drivers+=" i2o_scsi "' });
    expect(r.lists['add_dracutmodules']).toBeUndefined();
    expect(r.unparsed).toEqual([]);
  });

  it('reads unquoted values (fedora.conf.example) and a comments-only file', () => {
    const r = parseDracutConf(fx('fedora.conf.example'));
    expect(r.assignments.find((a) => a.name === 'stdloglvl')?.value).toBe('3');
    expect(r.lists['install_optional_items']).toEqual(['vi', '/etc/virc', 'ps', 'grep', 'cat', 'rm']);
    expect(parseDracutConf(fx('debian-12-dracut.conf')).assignments).toEqual([]);
  });

  it('= resets a list and += appends across lines', () => {
    const r = parseDracutConf('add_drivers+=" vfio "\nadd_drivers+=" vfio_pci "\nforce_drivers=" a "\nforce_drivers+=" b "\n');
    expect(r.lists['add_drivers']).toEqual(['vfio', 'vfio_pci']);
    expect(r.lists['force_drivers']).toEqual(['a', 'b']);
  });

  it('returns nothing for empty input; other shell is unparsed', () => {
    expect(parseDracutConf('')).toEqual({ assignments: [], lists: {}, unparsed: [] });
    expect(parseDracutConf('echo hi\n').unparsed).toEqual([{ line: 1, text: 'echo hi' }]);
  });

  it('survives hostile long lines', () => {
    // An unterminated quote, and a line that is no assignment: one unreadable line each, nothing assigned.
    for (const s of ['a+="' + ' x'.repeat(1_000_000), '+='.repeat(500_000)]) {
      const r = parseDracutConf(s);
      expect(r.assignments).toEqual([]);
      expect(r.unparsed.map((u) => u.line)).toEqual([1]);
    }
  });
});
