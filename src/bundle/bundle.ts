/**
 * A bundle as read into memory: regular files by normalised path, plus what was refused and why.
 * Produced by read-bundle.ts (archives) and read-directory.ts (unpacked trees); nothing else.
 */
export interface BundleFile {
  readonly path: string;
  readonly bytes: Buffer;
  /** Only the first LIMITS.maxEntryBytes were kept. */
  readonly truncated: boolean;
}

export interface SkippedEntry {
  readonly name: string;
  readonly reason: string;
}

export interface Bundle {
  /** What the user named: a file or directory path. */
  readonly source: string;
  readonly format: 'tgz' | 'txz' | 'tar' | 'directory';
  /** The single top directory that was stripped (`ptdoctor-host-2024…`), if any. */
  readonly root: string | null;
  readonly files: ReadonlyMap<string, BundleFile>;
  readonly skipped: readonly SkippedEntry[];
  /** Why reading stopped before the end of the archive (a partial bundle), or null. */
  readonly lost: string | null;
}
