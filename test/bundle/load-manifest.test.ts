/**
 * manifest.json is untrusted: what parsing and validating it would cost is bounded before it is
 * paid (nesting, values, item count), and a bad item is named by its place. The manifest is the
 * real one of samples/lab-group-shared, changed one way per case.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/bundle/bundle.js';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { ROOT } from '../helpers/bundle-from.js';

const REAL = readFileSync(join(ROOT, 'samples', 'lab-group-shared', 'evidence', 'manifest.json'), 'utf8');
const real = (): { items: Record<string, unknown>[] } & Record<string, unknown> => JSON.parse(REAL) as { items: Record<string, unknown>[] };

function withManifest(text: string): Bundle {
  const bytes = Buffer.from(text);
  return {
    source: 'x.tgz',
    format: 'tgz',
    root: null,
    files: new Map([['manifest.json', { path: 'manifest.json', bytes, truncated: false }]]),
    skipped: [],
    lost: null,
  };
}

describe('loadManifest', () => {
  it('reads the real manifest, every item', () => {
    const r = loadManifest(withManifest(REAL));
    expect(r.problem).toBeNull();
    expect(r.manifest?.items.length).toBe(real().items.length);
    expect(r.manifest?.items[0]).toMatchObject({
      id: 'cmdline',
      kind: 'file',
      source: '/proc/cmdline',
      status: 'ok',
      path: 'proc/cmdline',
    });
  });

  it('refuses nesting deeper than a manifest has, before parsing', () => {
    const deep = REAL.replace('"items":[', `"extra":${'['.repeat(9)}${']'.repeat(9)},"items":[`);
    expect(loadManifest(withManifest(deep)).problem).toBe('manifest.json nests deeper than 8 levels');
    // brackets inside strings are text, not nesting
    const quoted = REAL.replace('"source":"/proc/cmdline"', `"source":"${'['.repeat(20)}"`);
    expect(loadManifest(withManifest(quoted)).problem).toBeNull();
  });

  it('refuses more objects or values than 10,000 items can hold, before parsing', () => {
    const objects = REAL.replace('"items":[', `"items":[${'{},'.repeat(10_001)}`);
    expect(loadManifest(withManifest(objects)).problem).toBe('manifest.json holds more values than a manifest of 10000 items can');
    const numbers = REAL.replace('"items":[', `"items":[${'1,'.repeat(100_100)}`);
    expect(loadManifest(withManifest(numbers)).problem).toBe('manifest.json holds more values than a manifest of 10000 items can');
  });

  it('refuses more than 10,000 items', () => {
    const m = real();
    const items = Array.from({ length: 10_001 }, (_, i) => i);
    expect(loadManifest(withManifest(JSON.stringify({ ...m, items }))).problem).toBe('manifest.json lists 10001 items, more than 10000');
  });

  it('names the first bad item by its place, and the first bad field of the rest', () => {
    const m = real();
    m.items[3] = { ...m.items[3], status: 'stolen' };
    expect(loadManifest(withManifest(JSON.stringify(m))).problem).toMatch(
      /^manifest\.json does not match the schema at items\.3\.status: /,
    );
    expect(loadManifest(withManifest(JSON.stringify({ ...real(), uid: 'root' }))).problem).toMatch(
      /^manifest\.json does not match the schema at uid: /,
    );
  });

  it('bounds every string: an item source over 4,096 characters is a schema error', () => {
    const m = real();
    m.items[0] = { ...m.items[0], source: `/${'s'.repeat(4096)}` };
    expect(loadManifest(withManifest(JSON.stringify(m))).problem).toMatch(
      /^manifest\.json does not match the schema at items\.0\.source: /,
    );
  });

  it('refuses a newer schema with one line; unknown keys such as __proto__ are schema errors', () => {
    expect(() => loadManifest(withManifest(JSON.stringify({ ...real(), schemaVersion: 2 })))).toThrow(
      /^x\.tgz: bundle schema version 2 is newer than this ptdoctor reads \(1\); upgrade ptdoctor$/,
    );
    expect(loadManifest(withManifest(REAL.replace('{"schemaVersion"', '{"__proto__":{"x":1},"schemaVersion"'))).problem).toMatch(
      /^manifest\.json does not match the schema at \(root\): Unrecognized key/,
    );
  });
});
