import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSwaps } from '../../src/parsers/swaps.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/swaps/${p}`, import.meta.url), 'utf8');

describe('parseSwaps', () => {
  it('parses the header sample (no-swap.txt): header, no swap areas', () => {
    expect(parseSwaps(fx('no-swap.txt'))).toEqual({ hasHeader: true, swaps: [], unparsed: [] });
  });

  it('returns nothing for empty input', () => {
    expect(parseSwaps('')).toEqual({ hasHeader: false, swaps: [], unparsed: [] });
  });

  it('sends rows with non-numeric sizes to unparsed', () => {
    const header = fx('no-swap.txt').split('\n')[0] ?? '';
    expect(parseSwaps(`${header}\n/swapfile file big 0 -2\n`).unparsed).toEqual([{ line: 2, text: '/swapfile file big 0 -2' }]);
  });

  it('keeps a hostile long line as unreadable, cut at 1 MiB', () => {
    const r = parseSwaps('1'.repeat(3_000_000) + '\t'.repeat(1_000_000));
    expect(r.swaps).toEqual([]);
    expect(r.unparsed.map((u) => u.text.length)).toEqual([1_048_576]);
  });

  it('parses a CRLF copy of no-swap.txt and of the lab capture samples/lab-host-storage-targeted/evidence/proc/swaps (newlines converted to CRLF in the test) like the LF originals', () => {
    const empty = fx('no-swap.txt');
    expect(parseSwaps(empty.replaceAll('\n', '\r\n'))).toEqual({ hasHeader: true, swaps: [], unparsed: [] });
    const lf = readFileSync(new URL('../../samples/lab-host-storage-targeted/evidence/proc/swaps', import.meta.url), 'utf8');
    const r = parseSwaps(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseSwaps(lf));
    expect(r.swaps.map((s) => [s.filename, s.priority, s.line])).toEqual([['/dev/nvme0n1', -2, 2]]);
  });
});
