/**
 * Classifies one log message against the catalogue: the needles of all entries (their first
 * INDEXED_NEEDLE_CHARS characters) are searched in one pass over the message (needle-index.ts);
 * only the entries whose needle occurs run their pattern. The message is what follows the
 * timestamp and level (see LogCatalogEntry.pattern).
 */
import { LOG_CATALOG } from './catalog.js';
import type { LogCatalogEntry, LogGroupName } from './entry.js';
import { buildNeedleIndex } from './needle-index.js';

export interface LogMatch {
  readonly entry: LogCatalogEntry;
  /** The pattern's named groups, as printed (a group that did not take part is undefined). */
  readonly groups: Readonly<Partial<Record<LogGroupName, string>>>;
}

export type LogClassifier = (message: string) => LogMatch[];

/** The groups of a pattern that declares none. */
const NO_GROUPS: Readonly<Partial<Record<LogGroupName, string>>> = Object.freeze({});

/**
 * How much of each needle the index holds. A needle's beginning occurs wherever the needle does,
 * so it selects the same entries and a few more, whose patterns then do not match; and the index
 * of the first 16 characters has half the states of the whole needles, built at every start of
 * the CLI in half the time (npm run bench, typical host).
 */
const INDEXED_NEEDLE_CHARS = 16;

/** A classifier over `entries`; matches come back in the entries' order. */
export function buildClassifier(entries: readonly LogCatalogEntry[]): LogClassifier {
  const needles: string[] = [];
  const byNeedle: number[][] = [];
  const needleId = new Map<string, number>();
  entries.forEach((entry, i) => {
    const needle = entry.needle.slice(0, INDEXED_NEEDLE_CHARS);
    let id = needleId.get(needle);
    if (id === undefined) {
      id = needles.length;
      needleId.set(needle, id);
      needles.push(needle);
      byNeedle.push([]);
    }
    byNeedle[id]!.push(i);
  });
  const index = buildNeedleIndex(needles);
  // Per-call scratch: which entries were already collected for this message (no state leaks between calls).
  const seenAt = new Uint32Array(entries.length);
  const candidates = new Int32Array(entries.length);
  let found = 0;
  let call = 0;
  const collect = (needle: number): void => {
    for (const i of byNeedle[needle]!) {
      if (seenAt[i] !== call) {
        seenAt[i] = call;
        candidates[found++] = i;
      }
    }
  };

  return (message) => {
    call = call === 0xffffffff ? 1 : call + 1;
    if (call === 1) seenAt.fill(0);
    found = 0;
    index.search(message, collect);
    if (found === 0) return [];
    if (found > 1) candidates.subarray(0, found).sort();
    const matches: LogMatch[] = [];
    for (let k = 0; k < found; k++) {
      const entry = entries[candidates[k]!]!;
      const m = entry.pattern.exec(message);
      // the match's own groups object: the pattern's names only (catalog.test.ts), unmatched ones undefined
      if (m) matches.push({ entry, groups: (m.groups as Partial<Record<LogGroupName, string>> | undefined) ?? NO_GROUPS });
    }
    return matches;
  };
}

let catalogClassifier: LogClassifier | undefined;

/** The catalogue entries `message` matches, with their captured groups; [] when none. */
export function classifyLogLine(message: string): LogMatch[] {
  catalogClassifier ??= buildClassifier(LOG_CATALOG);
  return catalogClassifier(message);
}
