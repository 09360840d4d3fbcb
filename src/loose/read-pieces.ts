/**
 * One loose text → its pieces: split at command lines, each section cut into runs by content,
 * each run given its final kind and what it was read as. Pure: text in, pieces out.
 */
import { splitLines, type SourceLine } from '../parsers/lines.js';
import { commandHint, NO_HINT, type CommandHint } from './command-hint.js';
import { readAsOf, refineKind } from './describe-run.js';
import type { PieceKind } from './piece-kind.js';
import { recogniseSection } from './recognise.js';
import { splitPaste, type PastedCommand } from './split-paste.js';

/** One text the user gave: a file, a file of a directory, or stdin. */
export interface LooseText {
  /** As the user named it: `dmesg.txt`, `ticket/lspci.txt`, `stdin`. */
  readonly name: string;
  readonly text: string;
  /** Why the input was not read (a binary file in a directory of text files). */
  readonly skipped?: string;
}

export interface Piece {
  readonly input: string;
  readonly kind: PieceKind | null;
  /** What it was read as; null when not recognised. */
  readonly readAs: string | null;
  readonly command: PastedCommand | null;
  readonly hint: CommandHint;
  /** The piece's lines, verbatim, with their line numbers in the input (empty for a command without output). */
  readonly lines: readonly SourceLine[];
  readonly first: number;
  readonly last: number;
  /** Why it was left aside (an input that was not read). */
  readonly note?: string;
}

export function readPieces(input: LooseText): Piece[] {
  if (input.skipped !== undefined)
    return [
      { input: input.name, kind: null, readAs: null, command: null, hint: NO_HINT, lines: [], first: 0, last: 0, note: input.skipped },
    ];
  const pieces: Piece[] = [];
  for (const section of splitPaste(splitLines(input.text))) {
    const hint = commandHint(section.command?.text ?? null);
    const runs = recogniseSection(section.lines, hint);
    if (runs.length === 0 && section.command) {
      const c = section.command;
      pieces.push({
        input: input.name,
        kind: null,
        readAs: 'a command without output',
        command: c,
        hint,
        lines: [],
        first: c.first,
        last: c.last,
      });
      continue;
    }
    for (const run of runs) {
      const kind = run.kind === null || lone(run.kind, run.lines, hint) ? null : refineKind(run.kind, run.lines, hint);
      pieces.push({
        input: input.name,
        kind,
        readAs: kind === null ? null : readAsOf(kind, run.lines, hint),
        command: section.command,
        hint,
        lines: run.lines,
        first: (run.lines[0] as SourceLine).line,
        last: (run.lines[run.lines.length - 1] as SourceLine).line,
      });
    }
  }
  return pieces;
}

/** One module name alone (`vfio-pci` echoed by a script) is a module list only under a command that prints one. */
function lone(kind: PieceKind, lines: readonly SourceLine[], hint: CommandHint): boolean {
  return kind === 'modules-list' && !hint.kinds.includes(kind) && lines.filter((l) => l.text.trim() !== '').length < 2;
}
