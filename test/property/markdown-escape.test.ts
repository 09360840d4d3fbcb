/**
 * Markdown escaping of untrusted text, as properties over arbitrary strings: inline text stays on
 * one line (CommonMark line endings are LF, CR and CRLF, spec §2.1), carries no live Markdown or
 * HTML punctuation, and code spans and fences cannot be closed from inside.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mdCodeSpan, mdFence, mdInline } from '../../src/report/markdown-escape.js';

const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'`*_[]()<>|~\\#@!:/ \r\nab'.split('')), maxLength: 80 }),
);

const longestRun = (s: string): number => Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));

describe('markdown escaping', () => {
  it('mdInline: one line, every special character escaped, no raw angle brackets or URLs', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = mdInline(s);
        expect(out).not.toMatch(/[\r\n]/);
        expect(out).not.toMatch(/[<>]/);
        expect(out).not.toContain('://');
        // each special character is preceded by an odd number of backslashes
        for (const m of out.matchAll(/(\\*)([`*_[\]|~])/g)) expect(m[1]!.length % 2, JSON.stringify(out)).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it('mdCodeSpan: one line, fenced by more backticks than any run inside', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = mdCodeSpan(s);
        expect(out).not.toMatch(/[\r\n]/);
        const fence = /^`+/.exec(out)![0];
        expect(out.endsWith(fence)).toBe(true);
        expect(longestRun(out.slice(fence.length, out.length - fence.length))).toBeLessThan(fence.length);
      }),
      { numRuns: 500 },
    );
  });

  it('mdFence: no line inside can close the fence', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = mdFence(s);
        const fence = /^`+/.exec(out)![0];
        const body = out.slice(fence.length + 1, out.length - fence.length - 1);
        for (const line of body.split(/\r\n|\r|\n/)) expect(line.trim().startsWith(fence)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
