/**
 * Limits for reading an untrusted bundle. Numbers follow the anchors in docs/security.md:
 * entry count as jdx/aube (200,000), path depth and length after node-tar and CPython (PATH_MAX),
 * line length after insights-core (1 MiB). Memory: only kept entries are held, so the kept total
 * bounds the heap; everything else streams through and is only counted.
 */
export const LIMITS = {
  /** Compressed or plain input file size. */
  maxInputBytes: 2 * 1024 ** 3,
  /** Bytes inflated from gzip (kept or not) before the read stops. */
  maxInflatedBytes: 1024 ** 3,
  /** Inflated:compressed ratio allowed once `ratioGraceBytes` have been inflated. */
  maxRatio: 200,
  ratioGraceBytes: 64 * 1024 ** 2,
  /** Tar entries of any type. */
  maxEntries: 200_000,
  /** Bytes kept of one entry; the rest is drained and the entry marked truncated. */
  maxEntryBytes: 64 * 1024 ** 2,
  /** Bytes kept over all entries. */
  maxKeptBytes: 160 * 1024 ** 2,
  /** Path length in bytes and depth in components. */
  maxPathBytes: 4096,
  maxPathDepth: 64,
  /** Longest line any parser keeps; longer lines are cut. */
  maxLineBytes: 1024 ** 2,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };
