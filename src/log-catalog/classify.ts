/**
 * Classifies one log message against the catalogue: the needles of all entries are searched in
 * one pass over the message (needle-index.ts); only the entries whose needle occurs run their
 * pattern. The message is what follows the timestamp and level (see LogCatalogEntry.pattern).
 */
import { LOG_CATALOG } from './catalog.js';
import { LOG_GROUP_NAMES, type LogCatalogEntry, type LogGroupName } from './entry.js';
import { buildNeedleIndex } from './needle-index.js';

export interface LogMatch {
  readonly entry: LogCatalogEntry;
  /** The pattern's named groups that matched, as printed. */
  readonly groups: Readonly<Partial<Record<LogGroupName, string>>>;
}

export type LogClassifier = (message: string) => LogMatch[];

function groupsOf(found: Record<string, string | undefined> | undefined): Partial<Record<LogGroupName, string>> {
  const groups: Partial<Record<LogGroupName, string>> = {};
  if (found === undefined) return groups;
  for (const name of LOG_GROUP_NAMES) {
    const value = found[name];
    if (value !== undefined) groups[name] = value;
  }
  return groups;
}

/** A classifier over `entries`; matches come back in the entries' order. */
export function buildClassifier(entries: readonly LogCatalogEntry[]): LogClassifier {
  const needles: string[] = [];
  const byNeedle: number[][] = [];
  const needleId = new Map<string, number>();
  entries.forEach((entry, i) => {
    let id = needleId.get(entry.needle);
    if (id === undefined) {
      id = needles.length;
      needleId.set(entry.needle, id);
      needles.push(entry.needle);
      byNeedle.push([]);
    }
    byNeedle[id]!.push(i);
  });
  const index = buildNeedleIndex(needles);
  // Per-call scratch: which entries were already collected for this message (no state leaks between calls).
  const seenAt = new Uint32Array(entries.length);
  let call = 0;

  return (message) => {
    call = call === 0xffffffff ? 1 : call + 1;
    if (call === 1) seenAt.fill(0);
    const stamp = call;
    const candidates: number[] = [];
    index.search(message, (needle) => {
      for (const i of byNeedle[needle]!) {
        if (seenAt[i] !== stamp) {
          seenAt[i] = stamp;
          candidates.push(i);
        }
      }
    });
    if (candidates.length === 0) return [];
    candidates.sort((a, b) => a - b);
    const matches: LogMatch[] = [];
    for (const i of candidates) {
      const entry = entries[i]!;
      const m = entry.pattern.exec(message);
      if (m) matches.push({ entry, groups: groupsOf(m.groups) });
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
