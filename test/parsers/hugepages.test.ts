import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHugepages } from '../../src/parsers/hugepages.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/hugepages/${p}`, import.meta.url), 'utf8');

describe('parseHugepages', () => {
  it('parses the header sample (two-mb-pool.txt lines 1–2)', () => {
    const r = parseHugepages(fx('two-mb-pool.txt').split('\n').slice(0, 2).join('\n'));
    expect(r.pools).toEqual([{ sizeKb: 2048, nr: 0, free: 0 }]);
    expect(r.counters[0]).toMatchObject({ sizeKb: 2048, counter: 'nr_hugepages', value: 0, line: 1 });
  });

  it('reads per-node counters', () => {
    const r = parseHugepages(fx('two-mb-pool.txt'));
    expect(r.counters.filter((c) => c.node === 0).map((c) => c.counter)).toEqual(['nr_hugepages', 'free_hugepages']);
    expect(r.unparsed).toEqual([]);
  });

  it('returns nothing for empty input; odd paths and values are unparsed', () => {
    expect(parseHugepages('')).toEqual({ counters: [], pools: [], unparsed: [] });
    expect(parseHugepages('/etc/passwd 1\n/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages x\n').unparsed.map((u) => u.line)).toEqual(
      [1, 2],
    );
  });

  it('keeps hostile long lines as unreadable, cut at 1 MiB', () => {
    for (const s of ['/sys/kernel/mm/hugepages/hugepages-' + '9'.repeat(2_000_000) + 'kB/nr 1', 'x'.repeat(3_000_000)]) {
      const r = parseHugepages(s);
      expect(r.counters).toEqual([]);
      expect(r.unparsed.map((u) => [u.line, u.text.length])).toEqual([[1, 1_048_576]]);
    }
  });

  it('parses a CRLF copy of two-mb-pool.txt (newlines converted to CRLF in the test) like the LF original', () => {
    const lf = fx('two-mb-pool.txt');
    const r = parseHugepages(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseHugepages(lf));
    expect(r.unparsed).toEqual([]);
  });
});
