/**
 * The JSON report written a piece at a time (src/report/streamed-json.ts, jsonReportChunks): the
 * same text, byte for byte, as JSON.stringify of the whole report made safe, for every sample;
 * and streamedJson itself against JSON.stringify on the shapes a report has.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { jsonReportChunks, ReportJson, toJsonReport } from '../../src/report/json-report.js';
import { safeJsonText } from '../../src/report/safe-json-text.js';
import { LazyList, lazyList, streamedJson } from '../../src/report/streamed-json.js';
import { builtinRules } from '../../rules/index.js';
import { ROOT, sampleBundle } from '../helpers/bundle-from.js';

const SAMPLES = readdirSync(join(ROOT, 'samples'))
  .filter((s) => statSync(join(ROOT, 'samples', s)).isDirectory())
  .sort();
const META = { generatedAt: '2026-12-05T00:00:00.000Z', toolVersion: '0.1.0' };

describe('the JSON report in pieces', () => {
  it.each(SAMPLES)('%s: the pieces joined are the whole report, valid against the schema', (sample) => {
    const analysis = analyzeBundle(sampleBundle(sample), { rules: builtinRules });
    const pieces = [...jsonReportChunks(analysis, META)];
    const text = pieces.join('');
    expect(text).toBe(safeJsonText(toJsonReport(analysis, META)));
    expect(ReportJson.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('a message with a bidi override or a line separator is escaped in its piece as in the whole text', () => {
    const analysis = analyzeBundle(sampleBundle('lab-group-shared'), { rules: builtinRules });
    const first = analysis.findings[0];
    if (first === undefined) throw new Error('the sample has findings');
    const hostile = { ...analysis, findings: [{ ...first, message: 'pass\u202e\u2028lin' }, ...analysis.findings.slice(1)] };
    const text = [...jsonReportChunks(hostile, META)].join('');
    expect(text).toContain('pass\\u202e\\u2028lin');
    expect(text).toBe(safeJsonText(toJsonReport(hostile, META)));
  });
});

describe('streamedJson', () => {
  const whole = (v: Record<string, unknown>, lists: Record<string, unknown[]>) => JSON.stringify({ ...v, ...lists }, null, 2);
  const streamed = (v: Record<string, unknown>, lists: Record<string, unknown[]>) =>
    [...streamedJson({ ...v, ...Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, lazyList(l, (x) => x)])) })].join('');

  it('lazy lists, empty and not, beside plain values, nested objects and arrays', () => {
    const v = { a: 1, s: 'x\ny', o: { p: [1, { q: [] }], r: {} }, e: [], n: null };
    const lists = { items: [{ k: [1, 2], m: { z: 'a' } }, 'str', 3, [], {}], none: [] };
    expect(streamed(v, lists)).toBe(whole(v, lists));
  });

  it('an empty object and undefined values (left out, as JSON.stringify does)', () => {
    expect([...streamedJson({})].join('')).toBe(JSON.stringify({}, null, 2));
    expect([...streamedJson({ a: undefined, b: 2 })].join('')).toBe(JSON.stringify({ a: undefined, b: 2 }, null, 2));
  });

  it('a long list comes in pieces of a batch of items each, joined the same as whole', () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ i, text: 'x'.repeat(100) }));
    const pieces = [...streamedJson({ head: 1, items: new LazyList(items.length, () => items), tail: [1] })];
    expect(pieces.length).toBeGreaterThan(50);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(64 * 200);
    expect(pieces.join('')).toBe(JSON.stringify({ head: 1, items, tail: [1] }, null, 2));
  });
});
