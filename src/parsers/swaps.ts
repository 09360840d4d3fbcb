/**
 * /proc/swaps (evidence id `swaps`): a header line, then `Filename Type Size Used Priority` rows
 * separated by tabs/spaces; Size and Used in KiB; the filename uses `\040` octal escapes.
 *
 * Sample: test/fixtures/swaps/no-swap.txt, line 1 (verbatim; the host has no swap):
 *   Filename				Type		Size		Used		Priority
 * Output: one record per swap area, with line and text. `hasHeader` says whether the header was there.
 * Quirks: a host without swap prints only the header (no-swap.txt).
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';
import { unescapeOctal } from './mounts.js';

export interface SwapArea {
  readonly filename: string;
  readonly type: string;
  readonly sizeKiB: number;
  readonly usedKiB: number;
  readonly priority: number;
  readonly line: number;
  readonly text: string;
}

export interface Swaps {
  readonly hasHeader: boolean;
  readonly swaps: readonly SwapArea[];
  readonly unparsed: readonly UnparsedLine[];
}

const INT = /^-?\d+$/;

export function parseSwaps(text: string): Swaps {
  const swaps: SwapArea[] = [];
  const unparsed: UnparsedLine[] = [];
  let hasHeader = false;
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') continue;
    const f = fields(l.text);
    if (l.line === 1 && f[0] === 'Filename') {
      hasHeader = true;
      continue;
    }
    const [filename, type, size, used, prio] = f;
    if (
      f.length !== 5 ||
      filename === undefined ||
      type === undefined ||
      !INT.test(size ?? '') ||
      !INT.test(used ?? '') ||
      !INT.test(prio ?? '')
    ) {
      unparsed.push(l);
      continue;
    }
    swaps.push({
      filename: unescapeOctal(filename),
      type,
      sizeKiB: Number(size),
      usedKiB: Number(used),
      priority: Number(prio),
      line: l.line,
      text: l.text,
    });
  }
  return { hasHeader, swaps, unparsed };
}
