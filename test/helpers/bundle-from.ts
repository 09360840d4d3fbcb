/**
 * Build an in-memory Bundle for tests: a real sample's evidence tree (samples/<name>/evidence,
 * verbatim collector output from the QEMU lab), with some evidence ids replaced by verbatim
 * fixture text, marked absent or with another collection status. The manifest is updated to match,
 * so the analyzer sees exactly what a collector would have written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, BundleFile } from '../../src/bundle/bundle.js';
import { EVIDENCE_BY_ID } from '../../src/bundle/layout.js';
import { applyOverrides, readTreeBytes, type Override } from '../../scripts/sample-overrides.mjs';

export type { Override };

export const ROOT = join(import.meta.dirname, '..', '..');

export function fx(path: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', path), 'utf8');
}

const asFiles = (bytes: ReadonlyMap<string, Buffer>): Map<string, BundleFile> =>
  new Map([...bytes].map(([path, b]) => [path, { path, bytes: b, truncated: false }]));

export function readTree(dir: string): Map<string, BundleFile> {
  return asFiles(readTreeBytes(dir));
}

/** The override logic is scripts/sample-overrides.mjs, shared with the derived samples on disk. */
export function sampleBundle(sample: string, overrides: Record<string, Override> = {}): Bundle {
  const files = asFiles(applyOverrides(readTreeBytes(join(ROOT, 'samples', sample, 'evidence')), overrides, EVIDENCE_BY_ID));
  return { source: `samples/${sample}`, format: 'directory', root: null, files, skipped: [], lost: null };
}
