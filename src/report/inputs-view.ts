/**
 * What each loose input was read as, for the reports: one row per piece (a file, or a section of a
 * paste), recognised or not. Every string comes from the user's text, so it passes through
 * visibleLine; escaping is the template's job.
 */
import type { LooseInputs } from '../loose/loose-report.js';
import { visibleLine } from './visible-text.js';

export interface InputRowView {
  readonly input: string;
  /** `12–40`, or `` for an input that was not read. */
  readonly lines: string;
  /** `line 12`, `lines 12–40`, or ``. */
  readonly linesLabel: string;
  readonly command: string | null;
  readonly readAs: string;
  readonly evidence: string | null;
  readonly recognised: boolean;
  readonly note: string | null;
}

export interface InputsView {
  readonly rows: readonly InputRowView[];
  readonly recognised: number;
  readonly unrecognised: number;
  readonly summary: string;
}

export function inputsView(inputs: LooseInputs): InputsView {
  const rows = inputs.pieces.map((p) => ({
    input: visibleLine(p.input),
    lines: p.first === 0 ? '' : p.first === p.last ? String(p.first) : `${p.first}–${p.last}`,
    linesLabel: p.first === 0 ? '' : p.first === p.last ? `line ${p.first}` : `lines ${p.first}–${p.last}`,
    command: p.command === null ? null : visibleLine(p.command),
    readAs: p.readAs === null ? 'not recognised' : visibleLine(p.readAs),
    evidence: p.evidence,
    recognised: p.readAs !== null,
    note: p.note === null ? null : visibleLine(p.note),
  }));
  const recognised = rows.filter((r) => r.recognised).length;
  const unrecognised = rows.length - recognised;
  const files = inputs.names.length;
  return {
    rows,
    recognised,
    unrecognised,
    summary: `loose evidence: ${files} input${files === 1 ? '' : 's'}, ${recognised} piece${recognised === 1 ? '' : 's'} recognised${unrecognised > 0 ? `, ${unrecognised} not recognised` : ''}`,
  };
}
