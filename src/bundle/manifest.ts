/**
 * manifest.json: the one description of what a collector attempted and what came of each attempt.
 * Both collectors write it and the analyzer validates it here (it is untrusted input).
 *
 * "Not there on the host" (`absent`) and "could not be collected" (`denied`, `no-command`,
 * `timeout`, `error`) never look alike; `truncated` means the bytes in the bundle are a capped part.
 */
import { z } from 'zod/v3';

export const MANIFEST_SCHEMA_VERSION = 1;

export const ITEM_STATUSES = ['ok', 'absent', 'denied', 'no-command', 'timeout', 'truncated', 'error'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const ManifestItem = z.strictObject({
  /** Logical evidence id from src/bundle/layout.ts ('cmdline', 'dmesg', …). */
  id: z.string().min(1).max(200),
  kind: z.enum(['file', 'command']),
  /** Host path or the command as the user would type it. */
  source: z.string().max(4096),
  /** Bundle path; absent when nothing was captured. */
  path: z.string().max(4096).optional(),
  status: z.enum(ITEM_STATUSES),
  exitCode: z.number().int().optional(),
  bytes: z.number().int().nonnegative().optional(),
  durationMs: z.number().nonnegative().optional(),
  /** Host file modification time (epoch seconds), for "edited after the last boot". */
  mtime: z.number().int().optional(),
});
export type ManifestItem = z.infer<typeof ManifestItem>;

/**
 * Items a manifest may list. A bundle holds at most LIMITS.maxEntries (50,000) files and a real
 * collector lists about 60 items, a few hundred with many pod or VM logs; past this the manifest is
 * refused as invalid (evidence is still read by path) rather than validated item by item.
 */
export const MAX_MANIFEST_ITEMS = 10_000;

const head = {
  schemaVersion: z.literal(MANIFEST_SCHEMA_VERSION),
  collector: z.strictObject({
    kind: z.enum(['sh', 'node']),
    version: z.string().max(100),
  }),
  startedAt: z.string().max(100),
  finishedAt: z.string().max(100).optional(),
  uid: z.number().int(),
  hostname: z.string().max(300).optional(),
  kernel: z.string().max(300).optional(),
  redacted: z.boolean(),
};

export const Manifest = z.strictObject({ ...head, items: z.array(ManifestItem).max(MAX_MANIFEST_ITEMS) });
export type Manifest = z.infer<typeof Manifest>;

/**
 * The manifest with its items left unchecked: load-manifest.ts checks them one at a time and stops
 * at the first bad one, where the schema above would build an issue for every bad item.
 */
export const ManifestHead = z.strictObject({ ...head, items: z.array(z.unknown()) });
