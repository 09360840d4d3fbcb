/**
 * Rule ⇄ doc page ⇄ test ⇄ registry parity: every rule file is registered, has a kebab-case id
 * equal to its file name, a doc page with the required headings in order and a metadata line
 * matching its severity and tags, and a test file; no retired id is reused.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { ROOT } from './helpers/bundle-from.js';

const HEADINGS = ['Evidence that triggers it', 'Healthy evidence', 'Fix', 'Why', 'When it is unknown', 'Exceptions', 'Related'];
const REQUIRED = ['Evidence that triggers it', 'Fix', 'When it is unknown'];
const rulesDir = join(ROOT, 'rules');
const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('rule catalog', () => {
  it('registers every rule file, once, in index.ts', () => {
    expect(builtinRules.map((r) => `${r.id}.ts`).sort()).toEqual([...files].sort());
  });
  it('never reuses a retired id', () => {
    const retired = JSON.parse(readFileSync(join(rulesDir, 'retired.json'), 'utf8')) as string[];
    expect(builtinRules.filter((r) => retired.includes(r.id))).toEqual([]);
  });
  for (const rule of builtinRules) {
    describe(rule.id, () => {
      it('has a kebab-case id and non-empty messages', () => {
        expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        for (const [k, v] of Object.entries(rule.messages)) expect(v.trim(), k).not.toBe('');
      });
      it('has a test file', () => {
        expect(existsSync(join(ROOT, 'test', 'rules', `${rule.id}.test.ts`))).toBe(true);
      });
      it('has a doc page with the required structure', () => {
        const doc = readFileSync(join(rulesDir, `${rule.id}.md`), 'utf8');
        const lines = doc.split('\n');
        expect(lines[0]).toBe(`# ${rule.id}: ${rule.title}`);
        const meta = lines.find((l) => l.startsWith('Severity:'));
        expect(meta).toBeDefined();
        expect(meta).toContain(`Severity: ${rule.severity}`);
        expect(meta).toContain(`Tags: ${rule.tags.join(', ')}`);
        const h2 = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
        for (const h of h2) expect(HEADINGS, `unexpected heading ${h}`).toContain(h);
        expect(h2).toEqual([...h2].sort((a, b) => HEADINGS.indexOf(a) - HEADINGS.indexOf(b)));
        for (const r of REQUIRED) expect(h2).toContain(r);
      });
    });
  }
});
