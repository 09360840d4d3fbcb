/**
 * Build an in-memory Bundle for tests: a real sample's evidence tree (samples/<name>/evidence,
 * verbatim collector output from the QEMU lab), with some evidence ids replaced by verbatim
 * fixture text, marked absent or with another collection status. The manifest is updated to match,
 * so the analyzer sees exactly what a collector would have written.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Bundle, BundleFile } from '../../src/bundle/bundle.js';
import { EVIDENCE_BY_ID } from '../../src/bundle/layout.js';
import type { Manifest, ManifestItem } from '../../src/bundle/manifest.js';

export const ROOT = join(import.meta.dirname, '..', '..');

export type Override = string | null | { status: ManifestItem['status']; text?: string };

export function fx(path: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', path), 'utf8');
}

export function readTree(dir: string): Map<string, BundleFile> {
  const files = new Map<string, BundleFile>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const path = relative(dir, abs).split('\\').join('/');
        files.set(path, { path, bytes: readFileSync(abs), truncated: false });
      }
    }
  };
  walk(dir);
  return files;
}

export function sampleBundle(sample: string, overrides: Record<string, Override> = {}): Bundle {
  const files = readTree(join(ROOT, 'samples', sample, 'evidence'));
  const manifest = JSON.parse(files.get('manifest.json')!.bytes.toString('utf8')) as Manifest;
  let items = [...manifest.items];
  for (const [id, value] of Object.entries(overrides)) {
    const spec = EVIDENCE_BY_ID.get(id);
    if (!spec) throw new Error(`unknown evidence id ${id}`);
    for (const old of items.filter((i) => i.id === id)) if (old.path) files.delete(old.path);
    items = items.filter((i) => i.id !== id);
    const path = spec.many ? `${spec.path}test.conf` : spec.path;
    const source = spec.many ? `/${path}` : spec.source;
    if (value === null) items.push({ id, kind: spec.kind, source, status: 'absent' });
    else if (typeof value === 'string') {
      files.set(path, { path, bytes: Buffer.from(value), truncated: false });
      items.push({ id, kind: spec.kind, source, path, status: 'ok', bytes: Buffer.byteLength(value) });
    } else {
      if (value.text !== undefined) files.set(path, { path, bytes: Buffer.from(value.text), truncated: false });
      items.push({ id, kind: spec.kind, source, status: value.status, ...(value.text !== undefined ? { path } : {}) });
    }
  }
  const json = JSON.stringify({ ...manifest, items });
  files.set('manifest.json', { path: 'manifest.json', bytes: Buffer.from(json), truncated: false });
  return { source: `samples/${sample}`, format: 'directory', root: null, files, skipped: [], lost: null };
}
