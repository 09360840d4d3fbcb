import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distroFamily, parseOsRelease } from '../../src/parsers/os-release.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/os-release/${p}`, import.meta.url), 'utf8');

describe('parseOsRelease', () => {
  it('parses the header sample (debian-12.txt lines 1–6)', () => {
    const r = parseOsRelease(fx('debian-12.txt').split('\n').slice(0, 6).join('\n'));
    expect(r).toMatchObject({ id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)', idLike: [] });
    expect(r.fields[5]).toEqual({ key: 'ID', value: 'debian', line: 6, text: 'ID=debian' });
  });

  it('reads the os-release(5) Fedora example, unquoted values included', () => {
    const r = parseOsRelease(fx('fedora-32-man-example.txt'));
    expect(r).toMatchObject({ id: 'fedora', versionId: '32', prettyName: 'Fedora 32 (Workstation Edition)' });
    expect(r.unparsed).toEqual([]);
  });

  it('handles escapes and keeps a literal $', () => {
    const r = parseOsRelease('NAME="A \\"quoted\\" \\$x"\nX=$HOME\n');
    expect(r.fields.map((f) => f.value)).toEqual(['A "quoted" $x', '$HOME']);
  });

  it('returns nothing for empty input; junk lines are unparsed', () => {
    expect(parseOsRelease('')).toEqual({ fields: [], idLike: [], unparsed: [] });
    expect(parseOsRelease('not an assignment\n').unparsed.map((u) => u.line)).toEqual([1]);
  });

  it('survives hostile long lines', () => {
    // Unterminated quotes: one unreadable line each, no field.
    for (const s of ['A="' + '\\'.repeat(1_000_001), "B='" + 'x'.repeat(2_000_000)]) {
      const r = parseOsRelease(s);
      expect(r.fields).toEqual([]);
      expect(r.unparsed.map((u) => u.line)).toEqual([1]);
    }
  });
});

describe('distroFamily', () => {
  it('classifies the fixtures and ID_LIKE fallbacks', () => {
    expect(distroFamily(parseOsRelease(fx('debian-12.txt')))).toBe('debian-like');
    expect(distroFamily(parseOsRelease(fx('fedora-32-man-example.txt')))).toBe('rhel-like');
    expect(distroFamily({ id: 'somethingnew', idLike: ['rhel', 'fedora'] })).toBe('rhel-like');
    expect(distroFamily({ id: 'opensuse-leap', idLike: [] })).toBe('suse');
    expect(distroFamily({ id: 'arch', idLike: [] })).toBe('arch');
    expect(distroFamily({ idLike: [] })).toBe('other');
  });
});
