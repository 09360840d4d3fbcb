/** Types of scripts/sample-overrides.mjs for the TypeScript tests. */
import type { EvidenceSpec } from '../src/bundle/layout.js';
import type { Manifest, ManifestItem } from '../src/bundle/manifest.js';

export type Override = string | null | { status: 'not-collected' } | { status: ManifestItem['status']; text?: string; name?: string };
/** One override of a derive.json (see resolveOverride). */
export type DeriveOverride = null | {
  fixture?: string;
  fromSample?: string;
  path?: string;
  append?: string;
  status?: ManifestItem['status'];
  name?: string;
  replace?: readonly [string, string];
};
export interface DeriveSpec {
  readonly from: string;
  readonly overrides?: Readonly<Record<string, DeriveOverride>>;
  readonly devices?: readonly string[];
}
type Layout = ReadonlyMap<string, EvidenceSpec>;

export const ROOT: string;
export function readTreeBytes(dir: string): Map<string, Buffer>;
export function serializeManifest(manifest: Manifest): string;
export function applyOverrides(
  files: ReadonlyMap<string, Uint8Array>,
  overrides: Readonly<Record<string, Override>>,
  evidenceById: Layout,
): Map<string, Buffer>;
export function resolveOverride(id: string, value: DeriveOverride, source: ReadonlyMap<string, Uint8Array>, evidenceById: Layout): Override;
export function deriveTree(spec: DeriveSpec, evidenceById: Layout): Map<string, Buffer>;
export function sampleDevices(sampleDir: string): string[];
