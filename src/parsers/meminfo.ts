/**
 * /proc/meminfo (evidence id `meminfo`).
 *
 * Sample: test/fixtures/meminfo/firecracker-6.18.txt, lines 1–3 (verbatim):
 *   MemTotal:       24683620 kB
 *   MemFree:        23903296 kB
 *   MemAvailable:   24306608 kB
 * Output: `entries` key → {value, unit?, line, text} in file order of first appearance, and the
 * huge page figures rules need: hugePagesTotal/Free/Rsvd/Surp (page counts) and hugepagesizeKb.
 * Quirks: most values are kB but the HugePages_* lines are bare counts (no unit); keys may contain
 * parentheses (`Active(anon)`); a line that is not `Key: number [kB]` goes to `unparsed`.
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface MeminfoEntry {
  readonly line: number;
  readonly text: string;
  readonly value: number;
  readonly unit?: string;
}

export interface Meminfo {
  readonly entries: Readonly<Record<string, MeminfoEntry>>;
  readonly memTotalKb?: number;
  readonly hugePagesTotal?: number;
  readonly hugePagesFree?: number;
  readonly hugePagesRsvd?: number;
  readonly hugePagesSurp?: number;
  readonly hugepagesizeKb?: number;
  readonly unparsed: readonly UnparsedLine[];
}

const LINE = /^([\w()]{1,64}):\s{0,64}(\d{1,20})(?: (kB))?\s*$/;

export function parseMeminfo(text: string): Meminfo {
  const entries: Record<string, MeminfoEntry> = Object.create(null) as Record<string, MeminfoEntry>;
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') continue;
    const m = LINE.exec(l.text);
    if (!m || !m[1] || !m[2]) {
      unparsed.push(l);
      continue;
    }
    if (!(m[1] in entries)) entries[m[1]] = { line: l.line, text: l.text, value: Number(m[2]), ...(m[3] ? { unit: m[3] } : {}) };
  }
  const v = (k: string): number | undefined => entries[k]?.value;
  const out: Record<string, number> = {};
  const pick = (name: string, key: string): void => {
    const x = v(key);
    if (x !== undefined) out[name] = x;
  };
  pick('memTotalKb', 'MemTotal');
  pick('hugePagesTotal', 'HugePages_Total');
  pick('hugePagesFree', 'HugePages_Free');
  pick('hugePagesRsvd', 'HugePages_Rsvd');
  pick('hugePagesSurp', 'HugePages_Surp');
  pick('hugepagesizeKb', 'Hugepagesize');
  return { entries, ...out, unparsed };
}
