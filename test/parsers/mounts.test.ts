import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMounts, unescapeOctal } from '../../src/parsers/mounts.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/mounts/${p}`, import.meta.url), 'utf8');

describe('parseMounts', () => {
  it('parses the header sample (container-host.txt lines 1 and 6)', () => {
    const rows = fx('container-host.txt').split('\n');
    const r = parseMounts([rows[0], rows[5]].join('\n'));
    expect(r.mounts[1]).toEqual({
      device: '/dev/vda',
      mountpoint: '/',
      fstype: 'ext4',
      options: ['rw', 'relatime', 'discard', 'resv_strict', 'resuid=65534', 'resgid=65534'],
      line: 2,
      text: '/dev/vda / ext4 rw,relatime,discard,resv_strict,resuid=65534,resgid=65534 0 0',
    });
  });

  it('keeps repeated mountpoints in order (container-host.txt /dev/pts twice)', () => {
    const r = parseMounts(fx('container-host.txt'));
    expect(r.mounts.filter((m) => m.mountpoint === '/dev/pts').map((m) => m.line)).toEqual([5, 8]);
    expect(r.unparsed).toEqual([]);
  });

  it('unescapes octal escapes in paths', () => {
    expect(unescapeOctal('/mnt/my\\040disk\\134x')).toBe('/mnt/my disk\\x');
  });

  it('returns nothing for empty input; short lines are unparsed', () => {
    expect(parseMounts('')).toEqual({ mounts: [], unparsed: [] });
    expect(parseMounts('proc /proc\n').unparsed).toEqual([{ line: 1, text: 'proc /proc' }]);
  });

  it('a line cut at 1 MiB loses its fields and is unreadable; a line of blanks is skipped', () => {
    expect(parseMounts('\\'.repeat(2_000_000) + ' / x y').unparsed.map((u) => u.text.length)).toEqual([1_048_576]);
    expect(parseMounts(' '.repeat(2_000_000))).toEqual({ mounts: [], unparsed: [] });
  });

  it('parses a CRLF copy of container-host.txt (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = fx('container-host.txt');
    const r = parseMounts(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseMounts(lf));
    expect(r.unparsed).toEqual([]);
  });
});
