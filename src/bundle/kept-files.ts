/**
 * The files a reader keeps, within the budgets of limits.ts: bytes and lines per entry and over
 * all entries (keep-budget.ts says why lines count), with the one manifest that will be used
 * outside the totals (manifest-choice.ts) so evidence listed before it cannot starve it. Both
 * readers (archive and directory) feed entries through this, one at a time:
 * `begin(path)`, `push(chunk)` for each chunk, `end()`.
 */
import type { BundleFile } from './bundle.js';
import { keepPrefix } from './keep-budget.js';
import type { Limits } from './limits.js';
import { ManifestChoice } from './manifest-choice.js';

interface OpenEntry {
  readonly path: string;
  readonly exempt: boolean;
  readonly chunks: Buffer[];
  size: number;
  lines: number;
  truncated: boolean;
}

export class KeptFiles {
  readonly files = new Map<string, BundleFile>();
  private keptBytes = 0;
  private keptLines = 0;
  private readonly manifests = new ManifestChoice();
  private open: OpenEntry | null = null;

  constructor(private readonly limits: Limits) {}

  /** Start the entry at `path` (a normalised name not seen before); returns the most bytes it may keep. */
  begin(path: string): number {
    const { exempt, demote } = this.manifests.admit(path);
    if (demote !== null) this.charge(demote);
    this.open = { path, exempt, chunks: [], size: 0, lines: 0, truncated: false };
    return Math.max(0, Math.min(this.limits.maxEntryBytes, exempt ? Infinity : this.limits.maxKeptBytes - this.keptBytes));
  }

  /** Keep what fits of the entry's next chunk; false once the entry is cut (drain the rest unread). */
  push(chunk: Buffer): boolean {
    const e = this.open;
    if (e === null || e.truncated) return false;
    const bytesLeft = Math.min(this.limits.maxEntryBytes - e.size, e.exempt ? Infinity : this.limits.maxKeptBytes - this.keptBytes);
    const linesLeft = e.exempt ? Infinity : Math.min(this.limits.maxEntryLines - e.lines, this.limits.maxKeptLines - this.keptLines);
    const part = keepPrefix(chunk, bytesLeft, linesLeft);
    if (part.take > 0) e.chunks.push(part.take === chunk.length ? chunk : chunk.subarray(0, part.take));
    e.size += part.take;
    e.lines += part.lines;
    if (!e.exempt) {
      this.keptBytes += part.take;
      this.keptLines += part.lines;
    }
    if (part.take < chunk.length) e.truncated = true;
    return !e.truncated;
  }

  /** Finish the entry; `cut` when its source held more than was offered to push(). */
  end(cut = false): void {
    const e = this.open;
    if (e === null) return;
    this.open = null;
    this.files.set(e.path, { path: e.path, bytes: Buffer.concat(e.chunks, e.size), truncated: e.truncated || cut });
  }

  /** Give up the open entry (its file could not be read after all): nothing of it is kept. */
  cancel(): void {
    const e = this.open;
    if (e === null) return;
    this.open = null;
    if (!e.exempt) {
      this.keptBytes -= e.size;
      this.keptLines -= e.lines;
    }
  }

  /** A manifest kept outside the totals that will not be used after all: charge it now, cut to what is left. */
  private charge(path: string): void {
    const file = this.files.get(path);
    if (!file) return;
    const linesLeft = Math.min(this.limits.maxEntryLines, this.limits.maxKeptLines - this.keptLines);
    const part = keepPrefix(file.bytes, this.limits.maxKeptBytes - this.keptBytes, linesLeft);
    this.keptBytes += part.take;
    this.keptLines += part.lines;
    // a copy, so the cut-off bytes are freed with the original buffer
    if (part.take < file.bytes.length)
      this.files.set(path, { path, bytes: Buffer.from(file.bytes.subarray(0, part.take)), truncated: true });
  }
}
