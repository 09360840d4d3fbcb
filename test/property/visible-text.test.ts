/**
 * visibleText/visibleLine over arbitrary Unicode: nothing that a terminal or a browser would act
 * on or hide survives (C0/C1 controls other than tab and newline, every format character (Cf:
 * bidi controls, zero-width characters, the invisible tag characters U+E0000–U+E007F used to smuggle
 * hidden text), line and paragraph separators), and escaping is idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLine, visibleText } from '../../src/report/visible-text.js';

const HIDDEN = /[\p{Cf}\u2028\u2029]|(?![\t\n])\p{Cc}/u;
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      'a',
      '\t',
      '\n',
      '\r',
      '\u001b',
      '\u009b',
      '\u00ad',
      '\u200b',
      '\u202e',
      '\u2066',
      '\u2028',
      '\ufeff',
      '\ufff9',
      '\u{e0041}',
      '\u{e007f}',
      '\u{1d173}',
    ),
    maxLength: 40,
  }),
);

describe('visible text', () => {
  it('leaves no control, format or separator character but tab and newline', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(visibleText(s)).not.toMatch(HIDDEN);
        expect(visibleLine(s)).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent and keeps printable text as is', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(visibleText(visibleText(s))).toBe(visibleText(s));
      }),
      { numRuns: 500 },
    );
    expect(visibleText('lspci: 00:02.0 VGA [8086:29c2]\tok\n')).toBe('lspci: 00:02.0 VGA [8086:29c2]\tok\n');
  });

  it('shows hidden tag characters instead of passing them on', () => {
    expect(visibleText('NIC\u{e0041}\u{e0042}')).toBe('NIC\\u{e0041}\\u{e0042}');
    expect(visibleText('\u001b[2J\u202e')).toBe('\\x1b[2J\\u202e');
  });
});
