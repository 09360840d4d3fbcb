/**
 * Split a paste at its command lines: each command starts a section holding the lines under it;
 * lines before the first command form a section without one. A command continued on the next
 * lines (a trailing `\`, a `for` loop typed over several lines with `> ` prompts) stays one
 * command.
 */
import type { SourceLine } from '../parsers/lines.js';
import { bareCommand, promptCommand } from './prompt-line.js';

export interface PastedCommand {
  readonly text: string;
  /** Lines of the input the command was typed on. */
  readonly first: number;
  readonly last: number;
  /** The first command line, verbatim (a prompt included). */
  readonly line: string;
}

export interface Section {
  readonly command: PastedCommand | null;
  readonly lines: readonly SourceLine[];
}

function unfinished(command: string): boolean {
  if (command.endsWith('\\')) return true;
  return /(?:^|[;\s])(?:for|while)\s/.test(command) && !/(?:^|[;\s])done(?:\s|;|$)/.test(command);
}

export function splitPaste(lines: readonly SourceLine[]): Section[] {
  const sections: Section[] = [];
  let command: PastedCommand | null = null;
  let body: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as SourceLine;
    const cmd = promptCommand(l.text) ?? bareCommand(l.text);
    if (cmd === null) {
      body.push(l);
      continue;
    }
    let text = cmd;
    let last = l.line;
    while (unfinished(text) && i + 1 < lines.length && text.length < 4000) {
      const next = lines[i + 1] as SourceLine;
      if (!next.text.startsWith('> ') && !text.endsWith('\\') && !/^\s/.test(next.text)) break;
      i += 1;
      text = `${text.replace(/\\$/, '')} ${next.text.replace(/^> ?/, '').trim()}`;
      last = next.line;
    }
    if (command !== null || body.length > 0) sections.push({ command, lines: body });
    command = { text, first: l.line, last, line: l.text };
    body = [];
  }
  if (command !== null || body.length > 0) sections.push({ command, lines: body });
  return sections;
}
