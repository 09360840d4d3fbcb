/**
 * Report names of fleet hosts come from bundle file names chosen by whoever sent them: they must
 * never collide, also not on a case-insensitive file system, and a long name is shortened with a
 * hash of the whole name so two long names that share their start stay apart.
 */
import { describe, expect, it } from 'vitest';
import { hostNames } from '../../src/fleet/host-names.js';

describe('fleet host names', () => {
  it('the collector file name without its extension', () => {
    expect(hostNames(['in/ptdoctor-hv01-20241125T101500Z.tgz', 'in/sosreport-hv02-2024.tar.xz', 'in/hv03.tar'])).toEqual([
      'ptdoctor-hv01-20241125T101500Z',
      'sosreport-hv02-2024',
      'hv03',
    ]);
  });

  it('names that normalise alike, or differ only in case, get distinct names', () => {
    const names = hostNames(['a/a b.tgz', 'b/a_b.tgz', 'c/A_B.tgz', 'd/a_b.tar.gz', 'e/a_b-2.tgz']);
    expect(names).toEqual(['a_b', 'a_b-2', 'A_B-3', 'a_b-4', 'a_b-2-2']);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('no name starts with a dot or is empty, and only [A-Za-z0-9_.-] remain', () => {
    const names = hostNames(['x/.hidden.tgz', 'x/..tgz', 'x/.tgz', 'x/\u202egpj.tgz', 'x/h\u00f4te\u001b[2J.tgz']);
    expect(names).toEqual(['_hidden', '_', 'host', '_gpj', 'h_te__2J']);
    for (const n of names) expect(n).toMatch(/^[\w-][\w.-]*$/);
  });

  it('a long name keeps its start and ends in a hash of the whole name, under 100 characters', () => {
    const a = `${'h'.repeat(300)}-a.tgz`;
    const b = `${'h'.repeat(300)}-b.tgz`;
    const [na, nb] = hostNames([a, b]);
    expect(na).toMatch(/^h{79}-[0-9a-f]{12}$/);
    expect(nb).toMatch(/^h{79}-[0-9a-f]{12}$/);
    expect(na).not.toBe(nb);
    expect(hostNames([a])).toEqual([na]);
  });
});
