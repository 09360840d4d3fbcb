/**
 * Cut one section of a paste (the lines under a command, see split-paste.ts) into runs of lines of
 * one kind, by content. A run starts at a line that is its kind on its own (kind-rules.ts), or that
 * the command's kind allows; it goes on while lines fit it and no line claims another kind more
 * strongly. Elisions, blank lines and `#` comments (`#... TONS of the same error`,
 * test/real-cases/cases/github-vincentsaelzler-hyper-homelab-rtx2060-bar1-sysfb) join the run
 * around them, never start one. Lines no kind claims form a run of kind null: not recognised.
 */
import type { SourceLine } from '../parsers/lines.js';
import type { CommandHint } from './command-hint.js';
import { backfills, isSingle, rulesOf, strongFor, strongKinds, weakFor } from './kind-rules.js';
import type { PieceKind } from './piece-kind.js';

export interface Run {
  readonly kind: PieceKind | null;
  readonly lines: SourceLine[];
}

// `#` comments, but not a shebang, the `### Group 7 ###` header of a group-listing script or grub.cfg's `### BEGIN /etc/grub.d/…`
const ELISION = /^\s*(?:\.{3}|…|<snip>|\[(?:\.{3}|…|snip)\]|--\s*$|#(?!!|#{0,4} ?(?:IOM{1,3}U )?[Gg]roup |## (?:BEGIN|END) ))/;

/** Blank lines, elisions and comments: never a kind on their own. */
export function isNeutral(text: string): boolean {
  return text.trim() === '' || ELISION.test(text);
}

function pickKind(text: string, hint: CommandHint): PieceKind | null {
  const claims = strongKinds(text);
  for (const h of hint.kinds) if (claims.includes(h)) return h;
  if (claims.length > 0) return claims[0] as PieceKind;
  for (const h of hint.kinds) if (rulesOf(h).some((r) => r.weak(text))) return h;
  return null;
}

function stays(kind: PieceKind, text: string): boolean {
  if (isSingle(kind)) return false;
  if (strongFor(kind, text)) return true;
  if (!weakFor(kind, text)) return false;
  const others = strongKinds(text);
  return others.length === 0;
}

export function recogniseSection(lines: readonly SourceLine[], hint: CommandHint): Run[] {
  const runs: Run[] = [];
  let cur: Run | null = null;
  let pending: SourceLine[] = [];
  for (const l of lines) {
    if (isNeutral(l.text)) {
      if (cur) pending.push(l);
      continue;
    }
    if (cur && ((cur.kind !== null && stays(cur.kind, l.text)) || (cur.kind === null && pickKind(l.text, hint) === null))) {
      cur.lines.push(...pending, l);
      pending = [];
      continue;
    }
    pending = [];
    const kind = pickKind(l.text, hint);
    const next: Run = { kind, lines: [l] };
    if (kind !== null && cur?.kind === null && backfills(kind)) {
      // names above the first vfio line of a module list are part of it
      let n = 0;
      while (n < cur.lines.length && weakFor(kind, (cur.lines[cur.lines.length - 1 - n] as SourceLine).text)) n++;
      if (n > 0) next.lines.unshift(...cur.lines.splice(cur.lines.length - n, n));
      if (cur.lines.length === 0) runs.pop();
    }
    runs.push(next);
    cur = next;
  }
  return runs;
}
