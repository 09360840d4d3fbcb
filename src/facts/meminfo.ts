/**
 * /proc/meminfo as key → value in kB (HugePages_* counts are page counts).
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseMeminfo } from '../parsers/meminfo.js';
import { known, unknown, type Fact } from './fact.js';
import { gapsIn, refTo, unknownFrom, unreadLines } from './evidence-ref.js';

export function buildMeminfo(ev: EvidenceSource): Fact<Readonly<Record<string, number>>> {
  const e = ev.one('meminfo');
  if (!hasText(e)) return unknownFrom(e);
  const m = parseMeminfo(e.text);
  const value: Record<string, number> = {};
  for (const [k, v] of Object.entries(m.entries)) value[k] = v.value;
  const first = Object.values(m.entries)[0];
  if (!first) return unknown('/proc/meminfo holds no fields', ['cat /proc/meminfo']);
  return known(value, [refTo(e, first)], [...gapsIn(e), ...unreadLines(e, m.unparsed)]);
}
