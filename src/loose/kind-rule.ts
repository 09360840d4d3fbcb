/**
 * How one kind of text is recognised line by line. A paste is cut into runs of lines of one kind:
 * a `strong` line is that kind on its own and may start a run; a `weak` line only fits inside a
 * run already started (a continuation, an indented detail line, a line the command's hint allows).
 * Predicates look at one line, with anchored, bounded patterns (pasted text is untrusted).
 */
import type { PieceKind } from './piece-kind.js';

export interface KindRule {
  readonly kind: PieceKind;
  readonly strong: (text: string) => boolean;
  readonly weak: (text: string) => boolean;
  /** Each line is a run of its own (a /proc/cmdline line, a uname line). */
  readonly single?: true;
  /** Weak lines just before the first strong one belong to the run (a modules list's first names). */
  readonly backfill?: true;
  /** Only under a command that prints this kind (a bare number is an SR-IOV count only after `cat …/sriov_totalvfs`). */
  readonly hintOnly?: true;
}

export const never = (): boolean => false;
export const always = (): boolean => true;

/** Leading blank (space or tab). */
export function indented(text: string): boolean {
  return text.charCodeAt(0) === 32 || text.charCodeAt(0) === 9;
}
