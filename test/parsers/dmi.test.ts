import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDmi } from '../../src/parsers/dmi.js';

// No real /sys/class/dmi capture exists yet (this machine is a container without DMI); these
// tests cover the collector's own framing only.
describe('parseDmi', () => {
  it('returns nothing for empty input', () => {
    expect(parseDmi('')).toEqual({ fields: {}, unreadable: [], unparsed: [] });
  });

  it('records the collector marker for unreadable files', () => {
    expect(parseDmi('# unreadable: bios_version\n').unreadable).toEqual([
      { name: 'bios_version', line: 1, text: '# unreadable: bios_version' },
    ]);
  });

  it('sends lines without a lower-case name to unparsed and resists prototype keys', () => {
    const r = parseDmi('no equals here\nNAME=x\n__proto__=y\n');
    expect(r.unparsed.map((u) => u.line)).toEqual([1, 2]);
    expect(Object.getPrototypeOf(r.fields)).toBe(Object.prototype);
    expect(r.fields['__proto__']?.value).toBe('y');
  });

  it('cuts a hostile long line at 1 MiB and keeps it as unreadable, not as a field', () => {
    const r = parseDmi('a'.repeat(3_000_000) + '=');
    expect(Object.keys(r.fields)).toEqual([]);
    expect(r.unparsed.map((u) => [u.line, u.text.length])).toEqual([[1, 1_048_576]]);
  });

  it('parses a CRLF copy of the lab capture samples/lab-intel-healthy/evidence/commands/dmi.out (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = readFileSync(new URL('../../samples/lab-intel-healthy/evidence/commands/dmi.out', import.meta.url), 'utf8');
    const r = parseDmi(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseDmi(lf));
    expect(r.fields['sys_vendor']).toEqual({ name: 'sys_vendor', value: 'QEMU', line: 1, text: 'sys_vendor=QEMU' });
  });
});
