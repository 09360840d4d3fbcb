/**
 * JSON written for people and tools (the JSON report, the fleet summary, a diff) over arbitrary
 * strings: no C1 control, format character (bidi controls, zero-width, tag characters), DEL or
 * line/paragraph separator is left raw in the text, and the value read back is the value written.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeJsonText } from '../../src/report/safe-json-text.js';

const HIDDEN = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const value = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.dictionary(
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.string({
      unit: fc.constantFrom('a', '\u009b', '\u202e', '\u2066', '\u200b', '\u2028', '\u007f', '\u{e0041}', '"', '\\', '\n'),
      maxLength: 30,
    }),
  ),
);

describe('safe JSON text', () => {
  it('leaves no hidden character raw and reads back unchanged', () => {
    fc.assert(
      fc.property(value, (v) => {
        const text = safeJsonText(v);
        // JSON's own whitespace (newlines, spaces of the indent) is all that may remain
        expect(text.replace(/\n/g, '')).not.toMatch(HIDDEN);
        expect(JSON.parse(text)).toEqual(v);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes each hidden character as its \\u escape', () => {
    expect(safeJsonText({ name: 'NIC\u202e\u009b31m\u{e0041}' })).toBe('{\n  "name": "NIC\\u202e\\u009b31m\\udb40\\udc41"\n}\n');
  });
});
