/**
 * The bundle contract read from both sides without running anything: every item the shell
 * collector attempts (its main section) is an evidence id of src/bundle/layout.ts with the same
 * kind, source and fallback, every id of the layout is attempted, and every id is documented in
 * docs/bundle-format.md. collect.test.ts checks the same on real runs under each shell.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVIDENCE, type EvidenceSpec } from '../../src/bundle/layout.js';
import { SOS_SOURCES } from '../../src/evidence/sos-layout.js';
import { SCRIPT } from './harness.js';

interface Attempt {
  id: string;
  kind: 'file' | 'command';
  source: string;
  many: boolean;
  /** Inside a conditional block of the main section (attempted only sometimes). */
  conditional: boolean;
  line: number;
}

const CALL =
  /^\s*(?:if .*?then\s+)?(collect_command|collect_listing|collect_file|collect_glob)\s+([a-z][a-z0-9-]*)\s+('[^']*'|"\$\w+"|\S+)(?:\s+('[^']*'|\S+))?/;

function attempts(script: string): Attempt[] {
  const lines = script.split('\n');
  const main = lines.findIndex((l) => l.startsWith('# --- main'));
  const vars = new Map<string, string>();
  const out: Attempt[] = [];
  let depth = 0;
  for (let i = main; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const assign = /^(_\w+)='([^']*)'$/.exec(l);
    if (assign) vars.set(assign[1] ?? '', assign[2] ?? '');
    const m = CALL.exec(l);
    if (m) {
      const [, fn, id = '', rawSource = '', third = ''] = m;
      const unquote = (s: string): string => (s.startsWith("'") ? s.slice(1, -1) : s);
      const source = rawSource.startsWith('"$') ? (vars.get(rawSource.slice(2, -1)) ?? rawSource) : unquote(rawSource);
      out.push({
        id,
        kind: fn === 'collect_file' || fn === 'collect_glob' ? 'file' : 'command',
        source: fn === 'collect_glob' ? `${source}/${unquote(third)}` : source,
        many: fn === 'collect_glob',
        conditional: depth > 0,
        line: i + 1,
      });
    }
    if (/^\s*if\b/.test(l) && !/\bfi$/.test(l)) depth++;
    if (/^\s*fi\b/.test(l)) depth--;
  }
  return out;
}

describe('layout parity: src/bundle/layout.ts ⇄ src/collector/collect.sh', () => {
  const script = readFileSync(SCRIPT, 'utf8');
  const found = attempts(script);
  const byId = new Map<string, Attempt[]>();
  for (const a of found) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);

  it('reads the script (the parser of this test finds the items)', () => {
    expect(found.length).toBeGreaterThan(50);
    expect(byId.get('cmdline')?.[0]).toMatchObject({ kind: 'file', source: '/proc/cmdline', conditional: false });
  });

  it.each(EVIDENCE.map((e) => [e.id, e] as [string, EvidenceSpec]))('%s is attempted as the layout says', (id, spec) => {
    const a = byId.get(id);
    expect(a, `${id} is never attempted`).toBeDefined();
    for (const x of a ?? []) {
      expect({ kind: x.kind, source: x.source, many: x.many }, `line ${x.line}`).toEqual({
        kind: spec.kind,
        source: spec.source,
        many: spec.many === true,
      });
      expect(x.conditional, `${id} (line ${x.line}): conditional ⇔ fallbackFor`).toBe(spec.fallbackFor !== undefined);
    }
  });

  it('attempts nothing the layout does not name', () => {
    const ids = new Set<string>(EVIDENCE.map((e) => e.id));
    expect(found.filter((a) => !ids.has(a.id)).map((a) => `${a.id} (line ${a.line})`)).toEqual([]);
  });

  it('documents every id in docs/bundle-format.md', () => {
    const doc = readFileSync('docs/bundle-format.md', 'utf8');
    expect(EVIDENCE.filter((e) => !doc.includes(`\`${e.id}\``)).map((e) => e.id)).toEqual([]);
  });

  it('collects every id marked `since` a version from that version on (the script is not older)', () => {
    const version = /^VERSION=(\d+)\.(\d+)\.(\d+)$/m.exec(script)?.slice(1).map(Number) ?? [];
    expect(version).toHaveLength(3);
    const since = EVIDENCE.flatMap((e: EvidenceSpec) => (e.since === undefined ? [] : [[e.id, e.since.split('.').map(Number)] as const]));
    expect(since.length).toBeGreaterThan(0);
    for (const [id, v] of since) {
      const newer = v.findIndex((n, i) => n !== version[i]);
      expect(newer === -1 || (v[newer] ?? 0) < (version[newer] ?? 0), `${id} since ${v.join('.')}`).toBe(true);
    }
  });

  it('maps sosreport sources only to layout ids', () => {
    const ids = new Set<string>(EVIDENCE.map((e) => e.id));
    expect(Object.keys(SOS_SOURCES).filter((id) => !ids.has(id))).toEqual([]);
  });
});
