import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBootTimes } from '../../src/parsers/boot-times.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/boot-times/${p}`, import.meta.url), 'utf8');

describe('parseBootTimes', () => {
  it('parses the header sample (this-host.txt)', () => {
    expect(parseBootTimes(fx('this-host.txt'))).toEqual({
      btime: { epoch: 1795634848, line: 1, text: 'btime 1795634848' },
      now: { epoch: 1795635436, line: 2, text: 'now 1795635436' },
      uptimeSeconds: 588,
      unparsed: [],
    });
  });

  it('has no uptime when btime is missing (the collector then writes only now)', () => {
    const r = parseBootTimes(fx('this-host.txt').split('\n')[1] ?? '');
    expect(r.btime).toBeUndefined();
    expect(r.uptimeSeconds).toBeUndefined();
  });

  it('returns nothing for empty input; malformed lines are unparsed', () => {
    expect(parseBootTimes('')).toEqual({ unparsed: [] });
    expect(parseBootTimes('btime soon\n').unparsed).toEqual([{ line: 1, text: 'btime soon' }]);
  });

  it('a boot time too large to be a time is unreadable', () => {
    expect(parseBootTimes('btime ' + '1'.repeat(3_000_000)).unparsed.map((u) => u.line)).toEqual([1]);
  });

  it('parses a CRLF copy of this-host.txt (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = fx('this-host.txt');
    const r = parseBootTimes(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseBootTimes(lf));
    expect(r.uptimeSeconds).toBe(588);
  });
});
