/**
 * Every derived sample (samples/derived-*) is exactly what its recipe builds: its derive.json
 * applied to the real lab sample it names, by the same override code as the rule tests
 * (scripts/sample-overrides.mjs), equals the committed evidence tree byte for byte. A hand edit
 * of the tree, a changed fixture or a changed source sample without regenerating fails here
 * (`node scripts/derive-sample.mjs samples/derived-<name>` after a build).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_BY_ID } from '../src/bundle/layout.js';
import { deriveTree, readTreeBytes, type DeriveSpec } from '../scripts/sample-overrides.mjs';
import { ROOT } from './helpers/bundle-from.js';

const samplesDir = join(ROOT, 'samples');
const derived = readdirSync(samplesDir).filter((n) => n.startsWith('derived-'));

describe('derived samples', () => {
  it('exist', () => expect(derived.length).toBeGreaterThan(0));
  for (const name of derived) {
    it(`${name}: evidence tree equals its derive.json recipe`, () => {
      const dir = join(samplesDir, name);
      expect(existsSync(join(dir, 'derive.json')), 'derive.json').toBe(true);
      const spec = JSON.parse(readFileSync(join(dir, 'derive.json'), 'utf8')) as DeriveSpec;
      expect(spec.from.startsWith('lab-'), 'starts from a real lab sample').toBe(true);
      const built = deriveTree(spec, EVIDENCE_BY_ID);
      const committed = readTreeBytes(join(dir, 'evidence'));
      expect([...committed.keys()].sort()).toEqual([...built.keys()].sort());
      for (const [path, bytes] of built) expect(committed.get(path)?.equals(bytes), path).toBe(true);
    });
  }
});
