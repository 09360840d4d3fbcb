/**
 * Write a derived sample's evidence tree from its recipe:
 * `npx tsc -p tsconfig.json && node scripts/derive-sample.mjs samples/derived-x [more…]`.
 *
 * samples/<name>/derive.json = { "from": "<lab sample>", "overrides": { "<evidence id>": … },
 * "devices"?: [ "<PCI address>" ] }; the override forms are those of resolveOverride in
 * scripts/sample-overrides.mjs. samples/<name>/evidence/ is removed and rewritten: the source
 * sample's tree with those ids replaced as the rule tests replace them (same module), so the same
 * recipe always yields the same bytes (test/derived-samples.test.ts holds the tree to it).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVIDENCE_BY_ID } from '../dist/src/bundle/layout.js';
import { deriveTree } from './sample-overrides.mjs';

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node scripts/derive-sample.mjs samples/<name> [samples/<name>…]');
  process.exit(2);
}
for (const dir of dirs) {
  const spec = JSON.parse(readFileSync(join(dir, 'derive.json'), 'utf8'));
  const tree = deriveTree(spec, EVIDENCE_BY_ID);
  const out = join(dir, 'evidence');
  rmSync(out, { recursive: true, force: true });
  for (const [path, bytes] of tree) {
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileSync(join(out, path), bytes);
  }
  console.log(`${dir}: ${tree.size} files from samples/${spec.from}, ${Object.keys(spec.overrides ?? {}).length} evidence id(s) replaced`);
}
