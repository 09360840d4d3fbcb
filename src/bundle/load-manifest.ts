/**
 * Parse and validate manifest.json (untrusted). A bundle from a newer collector schema is refused
 * with one line; a missing or invalid manifest is not fatal: the evidence is still read by path
 * and the report says that collection statuses are unknown.
 *
 * Work is bounded before it starts: what JSON.parse would build is measured on the bytes first
 * (json-shape.ts) against what a valid manifest of MAX_MANIFEST_ITEMS items can hold, and items
 * are validated one at a time up to the first bad one, so neither a deep nor a long manifest costs
 * more than reading it.
 */
import { BundleError } from './bundle-error.js';
import type { Bundle } from './bundle.js';
import { jsonShape } from './json-shape.js';
import { MANIFEST_PATH } from './layout.js';
import { Manifest, MANIFEST_SCHEMA_VERSION, ManifestHead, ManifestItem, MAX_MANIFEST_ITEMS } from './manifest.js';

/**
 * A valid manifest nests three levels (manifest, items, one item), opens one object per item
 * plus two, and separates at most nine fields per item plus the items and ten top-level fields.
 * The bounds leave room for that and refuse, unparsed, what no valid manifest can be.
 */
export const MAX_MANIFEST_DEPTH = 8;
const MAX_CONTAINERS = MAX_MANIFEST_ITEMS + 8;
const MAX_COMMAS = 10 * MAX_MANIFEST_ITEMS + 64;

export type ManifestResult =
  { readonly manifest: Manifest; readonly problem: null } | { readonly manifest: null; readonly problem: string };

const invalid = (problem: string): ManifestResult => ({ manifest: null, problem });

export function loadManifest(bundle: Bundle): ManifestResult {
  const file = bundle.files.get(MANIFEST_PATH);
  if (!file) return invalid('manifest.json is missing');
  if (file.truncated) return invalid('manifest.json is too large and was truncated');
  const shape = jsonShape(file.bytes);
  if (shape.depth > MAX_MANIFEST_DEPTH) return invalid(`manifest.json nests deeper than ${MAX_MANIFEST_DEPTH} levels`);
  if (shape.containers > MAX_CONTAINERS || shape.commas > MAX_COMMAS)
    return invalid(`manifest.json holds more values than a manifest of ${MAX_MANIFEST_ITEMS} items can`);
  let raw: unknown;
  try {
    raw = JSON.parse(file.bytes.toString('utf8'));
  } catch {
    return invalid('manifest.json is not valid JSON');
  }
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : null;
  const version = record ? Object.getOwnPropertyDescriptor(record, 'schemaVersion')?.value : undefined;
  if (typeof version === 'number' && version > MANIFEST_SCHEMA_VERSION)
    throw new BundleError(
      `${bundle.source}: bundle schema version ${version} is newer than this ptdoctor reads (${MANIFEST_SCHEMA_VERSION}); upgrade ptdoctor`,
    );
  const items = record ? Object.getOwnPropertyDescriptor(record, 'items')?.value : undefined;
  if (Array.isArray(items) && items.length > MAX_MANIFEST_ITEMS)
    return invalid(`manifest.json lists ${items.length} items, more than ${MAX_MANIFEST_ITEMS}`);
  const parsedHead = ManifestHead.safeParse(raw);
  if (!parsedHead.success) return schemaProblem(parsedHead.error.issues[0], []);
  const checked: ManifestItem[] = [];
  for (const [i, item] of parsedHead.data.items.entries()) {
    const parsed = ManifestItem.safeParse(item);
    if (!parsed.success) return schemaProblem(parsed.error.issues[0], ['items', i]);
    checked.push(parsed.data);
  }
  return { manifest: { ...parsedHead.data, items: checked }, problem: null };
}

function schemaProblem(issue: { path: (string | number)[]; message: string } | undefined, prefix: (string | number)[]): ManifestResult {
  const where = [...prefix, ...(issue?.path ?? [])].map(String).join('.') || '(root)';
  return invalid(`manifest.json does not match the schema at ${where}: ${issue?.message ?? 'invalid'}`);
}
