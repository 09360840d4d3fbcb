/**
 * Line splitter shared by the kernel, module, PCI and IOMMU parsers.
 *
 * Every record a rule may cite carries its 1-based `line` and verbatim `text`, so all those
 * parsers split input the same way: `\n` ends a line, a `\r` right before it is dropped (files
 * copied from Windows tools), a missing final newline still yields the last line, and a trailing
 * newline does not yield an extra empty line. Each kept line is cut at MAX_LINE_CHARS (1 MiB, the
 * bundle's line limit) so a hostile single 200 MB line cannot be copied into every record.
 *
 * Splitting is indexOf-based (no regex), linear in the input.
 */

/** Longest line text kept, in UTF-16 code units (same figure as the bundle's 1 MiB line limit). */
const MAX_LINE_CHARS = 1024 * 1024;

export interface SourceLine {
  /** 1-based line number in the evidence. */
  readonly line: number;
  /** Verbatim text without the line ending, cut at MAX_LINE_CHARS. */
  readonly text: string;
}

/** A line that a parser could not interpret; kept so a report can show it. */
export type UnparsedLine = SourceLine;

export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  forEachLine(text, (line, lineText) => {
    out.push({ line, text: lineText });
  });
  return out;
}

/** The lines splitLines gives, handed over one by one with no record made for each (a kernel log may hold a million). */
export function forEachLine(text: string, each: (line: number, text: string) => void): void {
  const n = text.length;
  let start = 0;
  let lineNo = 0;
  while (start < n) {
    let end = text.indexOf('\n', start);
    const next = end === -1 ? n : end + 1;
    if (end === -1) end = n;
    let stop = end;
    if (stop > start && text.charCodeAt(stop - 1) === 13) stop -= 1;
    if (stop - start > MAX_LINE_CHARS) stop = start + MAX_LINE_CHARS;
    lineNo += 1;
    each(lineNo, text.slice(start, stop));
    start = next;
  }
}

/** Cuts a single string to MAX_LINE_CHARS (for values that are not split into lines). */
export function capLine(text: string): string {
  return text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text;
}

/** Splits on runs of spaces and tabs without a regex; empty fields are dropped. */
export function fields(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && isBlank(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const s = i;
    while (i < n && !isBlank(text.charCodeAt(i))) i++;
    out.push(text.slice(s, i));
  }
  return out;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 10;
}
