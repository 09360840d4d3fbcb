/**
 * Markdown escaping of untrusted text, as properties over arbitrary strings: inline text stays on
 * one line (CommonMark line endings are LF, CR and CRLF, spec §2.1), carries no live Markdown or
 * HTML punctuation, and code spans and fences cannot be closed from inside; no output holds a
 * `scheme://` a ticket system could link or fetch (not even inside code), nor a live @mention.
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
  it('code keeps its text but breaks a URL an image could be fetched from', () => {
    expect(mdFence('see ![x](https://evil.example/p.png)')).toBe('```\nsee ![x](https:\u200b//evil.example/p.png)\n```');
    expect(mdCodeSpan('http://evil.example/a.png')).toBe('`http:\u200b//evil.example/a.png`');
  });

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
        expect(out).not.toContain('://');
        expect(out).not.toMatch(/@\w/);
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
        expect(out).not.toContain('://');
        expect(out).not.toMatch(/@\w/);
      }),
      { numRuns: 500 },
    );
  });
});
