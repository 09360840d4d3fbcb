/**
 * What the report says about evidence that was read only in part: every gap a fact recorded (a cut
 * file, lines no parser could read, an item not collected that a fact wanted), once each, with the
 * lines it could not read and what to collect. Checks that depended on them are unknown; this list
 * says why, in one place.
 */
import { gapsOf, type Fact } from '../facts/fact.js';
import type { Facts } from '../facts/facts.js';
import { visibleLine } from './visible-text.js';

export interface GapView {
  readonly source: string;
  readonly why: string;
  readonly collect: readonly string[];
  /** The first unreadable lines, `line: text`, when that is the gap. */
  readonly lines: readonly string[];
}

/** At most this many gaps are listed; the count says how many there were. */
const MAX_GAPS = 40;
const MAX_LINES = 3;

export function gapsView(facts: Facts): { readonly gaps: readonly GapView[]; readonly count: number } {
  const all = gapsOf(...(Object.values(facts) as Fact<unknown>[]));
  return {
    count: all.length,
    gaps: all.slice(0, MAX_GAPS).map((g) => ({
      source: visibleLine(g.source),
      why: visibleLine(g.why),
      collect: g.collect.map(visibleLine),
      lines: (g.lines ?? []).slice(0, MAX_LINES).map((l) => visibleLine(`${l.line ?? ''}: ${l.text}`)),
    })),
  };
}
