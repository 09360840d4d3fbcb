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

/** The named groups `found` holds, of the `names` the entry's pattern has. */
function groupsOf(
  found: Record<string, string | undefined> | undefined,
  names: readonly LogGroupName[],
): Partial<Record<LogGroupName, string>> {
  const groups: Partial<Record<LogGroupName, string>> = {};
  if (found === undefined) return groups;
  for (const name of names) {
    const value = found[name];
    if (value !== undefined) groups[name] = value;
  }
  return groups;
}

/** The group names an entry's pattern declares (`(?<device>…)`), so a match reads only those. */
function groupNamesOf(entry: LogCatalogEntry): LogGroupName[] {
  return LOG_GROUP_NAMES.filter((name) => entry.pattern.source.includes(`(?<${name}>`));
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
  const names = entries.map(groupNamesOf);
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
      const i = candidates[k]!;
      const entry = entries[i]!;
      const m = entry.pattern.exec(message);
      if (m) matches.push({ entry, groups: groupsOf(m.groups, names[i]!) });
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
