/**
 * Evidence: what a parser receives. The status is the manifest's, plus two the analyzer adds:
 * `not-collected` (no manifest item and no file: an older collector, a sosreport, or a
 * hand-made tree) and `lost` (the manifest lists the file but the archive does not hold it).
 */
import type { ItemStatus } from '../bundle/manifest.js';

export type EvidenceStatus = ItemStatus | 'not-collected' | 'lost';

export interface Evidence {
  readonly id: string;
  /** Host path or command as typed ('/proc/cmdline', 'lspci -nnk'). */
  readonly source: string;
  /** Bundle path, when something was captured. */
  readonly path: string | null;
  readonly status: EvidenceStatus;
  /** File text (empty when nothing was captured). */
  readonly text: string;
  readonly exitCode?: number;
  /** Host file modification time, epoch seconds. */
  readonly mtime?: number;
}

/** Whether the text can be read at all (a capped part still counts). */
export function hasText(e: Evidence): boolean {
  return e.status === 'ok' || e.status === 'truncated';
}
