/**
 * Limits for reading an untrusted bundle. Numbers follow the anchors in docs/security.md: path
 * depth and length after node-tar and CPython (PATH_MAX), line length after insights-core (1 MiB).
 * Memory: only kept entries are held, so the kept total bounds the heap; everything else streams
 * through and is only counted. The budget is 256 MiB peak RSS and 5 s per input, measured on the
 * hostile corpus (test/hostile): kept bytes are held twice (the buffer and its decoded text, two
 * bytes per character for non-ASCII text), so 32 MiB kept is what fits with room for the parsers' records.
 */
export const LIMITS = {
  /** Compressed or plain input file size. */
  maxInputBytes: 2 * 1024 ** 3,
  /** Bytes inflated from gzip (kept or not) before the read stops. */
  maxInflatedBytes: 1024 ** 3,
  /** Inflated:compressed ratio allowed once `ratioGraceBytes` have been inflated. */
  maxRatio: 200,
  ratioGraceBytes: 64 * 1024 ** 2,
  /**
   * Tar entries of any type. A bundle has about 40 and a sosreport a few thousand; tar-stream
   * spends about 10 µs per entry, so 50,000 keeps the worst case well inside the 5 s budget.
   */
  maxEntries: 50_000,
  /** Bytes kept of one entry (twice the collector's 8 MiB item cap); the rest is drained and the entry marked truncated. */
  maxEntryBytes: 16 * 1024 ** 2,
  /** Bytes kept over all entries (manifest.json is not counted, so evidence cannot starve it). */
  maxKeptBytes: 32 * 1024 ** 2,
  /**
   * Lines kept of one entry and over all entries (each line becomes a parser record). A busy
   * host's kernel log at the collector's 8 MiB cap is about 100,000 lines; the sysfs inventory of
   * 20,000 PCI functions with every attribute the collector reads (19 lines each) is 380,000, and
   * the largest real hosts (16 PFs × 256 VFs, multi-socket servers with hundreds of NVMe devices)
   * have a third of that. Over all entries: such a host's inventories, `lspci -vvv` and kernel log
   * at the collector's caps. A cut inventory is reported (rule inventory-cut), never a silent answer.
   */
  maxEntryLines: 400_000,
  maxKeptLines: 1_000_000,
  /** Path length in bytes and depth in components. */
  maxPathBytes: 4096,
  maxPathDepth: 64,
  /** Longest line any parser keeps; longer lines are cut. */
  maxLineBytes: 1024 ** 2,
} as const;

export type Limits = { -readonly [K in keyof typeof LIMITS]: number };
