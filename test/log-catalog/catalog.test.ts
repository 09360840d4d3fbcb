import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { LOG_CATALOG, LOG_FAULTS, LOG_GROUP_NAMES, classifyLogLine, type LogCatalogEntry } from '../../src/log-catalog/index.js';
import { EXPANDED_EXAMPLES } from './expanded-examples.js';
import { messageOf } from './message-of.js';
import { PUBLISHED_LINES } from './published-lines.js';

function fixtureLines(file: string): string[] {
  return readFileSync(new URL(`../fixtures/log-lines/${file}.txt`, import.meta.url), 'utf8').split('\n');
}

/** The literal text of a format string: what is left between its conversion specifications. */
function literalPieces(format: string): string[] {
  return format.split(/%(?:\d\$)?[-#0 +]*\d*(?:\.\d+)?(?:hh|ll|[hlLzjt])?(?:p[A-Za-z]+|[diouxXcsvqm%])|%"HWADDR_PRIx"/);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const ids = LOG_CATALOG.map((e) => e.id);

describe('catalogue entries', () => {
  test('ids are unique and kebab-case', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z\d]+(?:-[a-z\d]+)*$/);
  });

  test('every fault class is proved by some entry', () => {
    const used = new Set(LOG_CATALOG.map((e) => e.fault));
    expect(LOG_FAULTS.filter((f) => !used.has(f))).toEqual([]);
  });

  test.each(LOG_CATALOG.map((e) => [e.id, e] as [string, LogCatalogEntry]))('%s: needle, format, pattern agree', (_id, entry) => {
    // The needle is literal text of the format (so every printed line contains it).
    expect(literalPieces(entry.format).some((piece) => piece.includes(entry.needle))).toBe(true);
    expect(entry.needle.trim().length).toBeGreaterThanOrEqual(4);
    // Anchored: at the message start, or (embedded messages) on the needle's own text.
    if (entry.embedded) {
      const source = entry.pattern.source;
      expect(source.includes(escapeRegExp(entry.needle)) || source.includes(entry.needle), `pattern carries ${entry.needle}`).toBe(true);
      expect(source.startsWith('^')).toBe(false);
    } else {
      expect(entry.pattern.source.startsWith('^')).toBe(true);
    }
    // Stateless patterns with named groups from the documented set only.
    expect(entry.pattern.flags).not.toMatch(/[gy]/);
    for (const [, name] of entry.pattern.source.matchAll(/\(\?<([a-z]+)>/g)) expect(LOG_GROUP_NAMES).toContain(name);
    expect(entry.verifiedIn.length).toBeGreaterThan(0);
    expect(entry.meaning).toMatch(/^[a-z"'(].*\.$/i);
  });
});

describe('published lines (test/fixtures/log-lines/, sources in SOURCES.md)', () => {
  test.each(PUBLISHED_LINES.map((p) => [`${p.file}.txt:${p.line}`, p] as const))('%s', (_name, published) => {
    const line = fixtureLines(published.file)[published.line - 1];
    expect(line, 'the fixture line exists').toBeTruthy();
    const matches = classifyLogLine(messageOf(line!));
    expect(matches.map((m) => ({ id: m.entry.id, groups: m.groups }))).toEqual(published.expect);
    for (const m of matches) expect(line).toContain(m.entry.needle);
  });

  test('every fixture line has its expectation', () => {
    for (const file of ['kernel', 'qemu', 'libvirt', 'dpdk', 'vendor-reset', 'cloudpods-host'] as const) {
      const count = fixtureLines(file).filter((l) => l !== '').length;
      const covered = PUBLISHED_LINES.filter((p) => p.file === file).map((p) => p.line);
      expect(covered.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
  });
});

describe('expanded examples (from the format strings, not published lines)', () => {
  test.each(EXPANDED_EXAMPLES.map((x) => [x.id, x] as const))('%s', (id, example) => {
    const match = classifyLogLine(example.message).find((m) => m.entry.id === id);
    expect(match?.groups).toEqual(example.groups);
  });

  test('every entry is exercised, by a published line or else by an expanded example', () => {
    const published = new Set(PUBLISHED_LINES.flatMap((p) => p.expect.map((e) => e.id)));
    const expanded = EXPANDED_EXAMPLES.map((x) => x.id);
    expect(
      expanded.filter((id) => published.has(id)),
      'expanded only where no published line exists',
    ).toEqual([]);
    expect(new Set(expanded).size).toBe(expanded.length);
    expect(ids.filter((id) => !published.has(id) && !expanded.includes(id))).toEqual([]);
  });
});
