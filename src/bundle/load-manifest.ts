/**
 * Parse and validate manifest.json (untrusted). A bundle from a newer collector schema is refused
 * with one line; a missing or invalid manifest is not fatal: the evidence is still read by path
 * and the report says that collection statuses are unknown.
 */
import { BundleError } from '../cli/errors.js';
import type { Bundle } from './bundle.js';
import { MANIFEST_PATH } from './layout.js';
import { Manifest, MANIFEST_SCHEMA_VERSION } from './manifest.js';

export type ManifestResult =
  { readonly manifest: Manifest; readonly problem: null } | { readonly manifest: null; readonly problem: string };

export function loadManifest(bundle: Bundle): ManifestResult {
  const file = bundle.files.get(MANIFEST_PATH);
  if (!file) return { manifest: null, problem: 'manifest.json is missing' };
  if (file.truncated) return { manifest: null, problem: 'manifest.json is too large and was truncated' };
  let raw: unknown;
  try {
    raw = JSON.parse(file.bytes.toString('utf8'));
  } catch {
    return { manifest: null, problem: 'manifest.json is not valid JSON' };
  }
  const version =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw)
      ? Object.getOwnPropertyDescriptor(raw, 'schemaVersion')?.value
      : undefined;
  if (typeof version === 'number' && version > MANIFEST_SCHEMA_VERSION)
    throw new BundleError(
      `${bundle.source}: bundle schema version ${version} is newer than this ptdoctor reads (${MANIFEST_SCHEMA_VERSION}); upgrade ptdoctor`,
    );
  const parsed = Manifest.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
    return { manifest: null, problem: `manifest.json does not match the schema at ${where}: ${issue?.message ?? 'invalid'}` };
  }
  return { manifest: parsed.data, problem: null };
}
