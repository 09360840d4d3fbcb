/**
 * A small POSIX-sh word scanner for configuration files that their tools *source as shell*:
 * /etc/default/grub and /etc/default/grub.d/*.cfg (grub-mkconfig runs `. ${sysconfdir}/default/grub`,
 * /usr/sbin/grub-mkconfig of Debian grub-common 2.06-13+deb12u2, lines 160–167), dracut.conf.d
 * (dracut sources its configuration files) and os-release(5) (shell-compatible assignments).
 *
 * Sample: test/fixtures/default-grub/debian-12-template.txt, line 8 (verbatim):
 *   GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`
 * Output: statements (one per command, split at unquoted newline, `;`, `&`, `|`), each with its
 * 1-based first line, the verbatim source lines it spans, and its words; a word is a list of parts:
 * literal text, `$VAR`/`${VAR}` references, and command substitutions (kept verbatim, never run).
 * Quirks: backslash-newline joins lines (outside single quotes); a quoted string may span lines;
 * `#` starts a comment only at the start of a word; an unterminated quote ends the statement at end
 * of input and is flagged.
 *
 * One pass over the input, no regular expressions: safe on a 200 MB single line.
 */

export type WordPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'var'; readonly name: string; readonly raw: string }
  | { readonly kind: 'command'; readonly raw: string };

export interface ShellWord {
  readonly parts: readonly WordPart[];
  /** The word as written (quotes included). */
  readonly raw: string;
}

export interface ShellStatement {
  readonly line: number;
  readonly endLine: number;
  /** Verbatim source lines the statement spans, joined with "\n". */
  readonly text: string;
  readonly words: readonly ShellWord[];
  readonly unterminated?: true;
}

const isNameStart = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
const isNameChar = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9');
const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';

export function splitShellStatements(text: string): readonly ShellStatement[] {
  const out: ShellStatement[] = [];
  const n = text.length;
  // Start offset of each line, for verbatim statement text.
  const lineStarts: number[] = [0];
  for (let k = 0; k < n; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  const lineText = (first: number, last: number): string => {
    const start = lineStarts[first - 1] ?? 0;
    const nextStart = lineStarts[last];
    const end = nextStart === undefined ? n : nextStart - 1;
    const t = text.slice(start, end);
    return t.endsWith('\r') ? t.slice(0, -1) : t;
  };

  let i = 0;
  let line = 1;
  let words: ShellWord[] = [];
  let parts: WordPart[] = [];
  let lit = '';
  let wordStart = -1;
  let inWord = false;
  let stmtLine = 0;
  let unterminated = false;

  const flushLit = (): void => {
    if (lit !== '') {
      parts.push({ kind: 'text', text: lit });
      lit = '';
    }
  };
  const beginWord = (): void => {
    if (!inWord) {
      inWord = true;
      wordStart = i;
      if (stmtLine === 0) stmtLine = line;
    }
  };
  const endWord = (): void => {
    if (!inWord) return;
    flushLit();
    words.push({ parts, raw: text.slice(wordStart, i) });
    parts = [];
    inWord = false;
  };
  const endStatement = (): void => {
    endWord();
    if (words.length > 0) {
      const endLine = line;
      const st: ShellStatement = unterminated
        ? { line: stmtLine, endLine, text: lineText(stmtLine, endLine), words, unterminated: true }
        : { line: stmtLine, endLine, text: lineText(stmtLine, endLine), words };
      out.push(st);
    }
    words = [];
    stmtLine = 0;
    unterminated = false;
  };
  // Reads `$…` at text[i] === '$'; pushes a part. Returns nothing; advances i.
  const readDollar = (): void => {
    const next = text[i + 1] ?? '';
    if (next === '{') {
      const close = text.indexOf('}', i + 2);
      const end = close < 0 ? n : close + 1;
      const inner = text.slice(i + 2, close < 0 ? n : close);
      let k = 0;
      while (k < inner.length && isNameChar(inner[k] ?? '')) k++;
      flushLit();
      parts.push({ kind: 'var', name: inner.slice(0, k), raw: text.slice(i, end) });
      countLines(i, end);
      i = end;
      if (close < 0) unterminated = true;
      return;
    }
    if (next === '(') {
      let depth = 0;
      let k = i + 1;
      for (; k < n; k++) {
        const c = text[k];
        if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      const end = k < n ? k + 1 : n;
      if (k >= n) unterminated = true;
      flushLit();
      parts.push({ kind: 'command', raw: text.slice(i, end) });
      countLines(i, end);
      i = end;
      return;
    }
    if (isNameStart(next)) {
      let k = i + 1;
      while (k < n && isNameChar(text[k] ?? '')) k++;
      flushLit();
      parts.push({ kind: 'var', name: text.slice(i + 1, k), raw: text.slice(i, k) });
      i = k;
      return;
    }
    lit += '$';
    i++;
  };
  const countLines = (from: number, to: number): void => {
    for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) line++;
  };
  const readBacktick = (): void => {
    const close = text.indexOf('`', i + 1);
    const end = close < 0 ? n : close + 1;
    if (close < 0) unterminated = true;
    flushLit();
    parts.push({ kind: 'command', raw: text.slice(i, end) });
    countLines(i, end);
    i = end;
  };

  while (i < n) {
    const c = text[i] ?? '';
    if (c === '\n') {
      endStatement();
      line++;
      i++;
      continue;
    }
    if (isBlank(c)) {
      endWord();
      i++;
      continue;
    }
    if (c === ';' || c === '&' || c === '|') {
      endStatement();
      i++;
      continue;
    }
    if (c === '#' && !inWord) {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        // Line continuation: joins words across the newline.
        line++;
        i += 2;
        continue;
      }
      beginWord();
      lit += text[i + 1] ?? '';
      i += 2;
      continue;
    }
    beginWord();
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      lit += text.slice(i + 1, end);
      countLines(i, end);
      if (close < 0) unterminated = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < n) {
        const d = text[i] ?? '';
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\') {
          const e = text[i + 1] ?? '';
          if (e === '\n') {
            line++;
            i += 2;
            continue;
          }
          if (e === '$' || e === '`' || e === '"' || e === '\\') {
            lit += e;
            i += 2;
            continue;
          }
          lit += '\\';
          i++;
          continue;
        }
        if (d === '$') {
          readDollar();
          continue;
        }
        if (d === '`') {
          readBacktick();
          continue;
        }
        if (d === '\n') line++;
        lit += d;
        i++;
      }
      if (!closed) unterminated = true;
      continue;
    }
    if (c === '$') {
      readDollar();
      continue;
    }
    if (c === '`') {
      readBacktick();
      continue;
    }
    lit += c;
    i++;
  }
  endStatement();
  return out;
}

/** `NAME=` at the start of a word: the assignment's name and the value parts after `=`. */
export function splitAssignment(word: ShellWord): { readonly name: string; readonly value: readonly WordPart[] } | undefined {
  const first = word.parts[0];
  if (first === undefined || first.kind !== 'text') return undefined;
  const raw = word.raw;
  let k = 0;
  if (!isNameStart(raw[0] ?? '')) return undefined;
  while (k < raw.length && isNameChar(raw[k] ?? '')) k++;
  if (raw[k] !== '=') return undefined;
  const name = raw.slice(0, k);
  // The name is plain text, so it is a prefix of the first literal part.
  if (!first.text.startsWith(`${name}=`)) return undefined;
  const rest = first.text.slice(k + 1);
  const value: WordPart[] = rest === '' ? [] : [{ kind: 'text', text: rest }];
  value.push(...word.parts.slice(1));
  return { name, value };
}

export interface Expanded {
  readonly value: string;
  /** Variables referenced that had no earlier assignment (expanded as empty, as sh does). */
  readonly unresolved: readonly string[];
  /** Command substitutions are not run; their text stays verbatim in `value`. */
  readonly hasCommand: boolean;
}

export function expandParts(parts: readonly WordPart[], lookup: (name: string) => string | undefined): Expanded {
  let value = '';
  const unresolved: string[] = [];
  let hasCommand = false;
  for (const p of parts) {
    switch (p.kind) {
      case 'text':
        value += p.text;
        break;
      case 'var': {
        const v = lookup(p.name);
        if (v === undefined) unresolved.push(p.name);
        else value += v;
        break;
      }
      case 'command':
        hasCommand = true;
        value += p.raw;
        break;
      default: {
        const never: never = p;
        return never;
      }
    }
  }
  return { value, unresolved, hasCommand };
}
