/**
 * A small POSIX-sh word scanner for configuration files that their tools *source as shell*:
 * /etc/default/grub and /etc/default/grub.d/*.cfg (grub-mkconfig runs `. ${sysconfdir}/default/grub`,
 * /usr/sbin/grub-mkconfig of Debian grub-common 2.06-13+deb12u2, lines 160–167), dracut.conf.d
 * (dracut sources its configuration files) and os-release(5) (shell-compatible assignments).
 *
 * Sample: test/fixtures/default-grub/debian-12-template.txt, line 8 (verbatim):
 *   GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`
 * Output: statements (one per command, split at unquoted newline, `;`, `&`, `|`), each with its
 * 1-based first line, the verbatim source lines it spans (cut at MAX_STATEMENT_TEXT), and its
 * words; a word is a list of parts: literal text, `$VAR`/`${VAR}` references, and command
 * substitutions (kept verbatim, never run).
 * Quirks: backslash-newline joins lines (outside single quotes); a quoted string may span lines;
 * `#` starts a comment only at the start of a word; an unterminated quote ends the statement at end
 * of input and is flagged.
 *
 * Bounded on hostile input: one pass, no regular expressions; at most MAX_STATEMENTS statements
 * and MAX_WORDS words a statement — past either, scanning stops and a last statement marked `cut`
 * says so (its words are empty, so every caller files it as unparsed); `expandParts` stops a value
 * at MAX_EXPANDED characters (a kernel command line holds at most 4 KiB), so `A="$A$A"` repeated
 * cannot grow a value past that.
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
  /** Verbatim source lines the statement spans, joined with "\n" (cut at MAX_STATEMENT_TEXT). */
  readonly text: string;
  readonly words: readonly ShellWord[];
  readonly unterminated?: true;
  /** Scanning stopped here: the input has more statements or words than a configuration file can. */
  readonly cut?: true;
}

export const MAX_STATEMENTS = 5000;
export const MAX_WORDS = 1000;
const MAX_STATEMENT_TEXT = 1024;
export const MAX_EXPANDED = 8192;

const isNameStart = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
const isNameChar = (c: string): boolean => isNameStart(c) || (c >= '0' && c <= '9');
const isBlank = (c: string): boolean => c === ' ' || c === '\t' || c === '\r';

/** The scan in progress: position, line, the statement and word being built. */
interface Scan {
  readonly text: string;
  readonly n: number;
  readonly lineStarts: readonly number[];
  readonly out: ShellStatement[];
  i: number;
  line: number;
  words: ShellWord[];
  parts: WordPart[];
  lit: string;
  wordStart: number;
  inWord: boolean;
  stmtLine: number;
  unterminated: boolean;
  stopped: boolean;
}

function newScan(text: string): Scan {
  const lineStarts: number[] = [0];
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) lineStarts.push(k + 1);
  return {
    text,
    n: text.length,
    lineStarts,
    out: [],
    i: 0,
    line: 1,
    words: [],
    parts: [],
    lit: '',
    wordStart: -1,
    inWord: false,
    stmtLine: 0,
    unterminated: false,
    stopped: false,
  };
}

/** Verbatim text of lines first..last (1-based), without a trailing \r, cut at MAX_STATEMENT_TEXT. */
function lineText(s: Scan, first: number, last: number): string {
  const start = s.lineStarts[first - 1] ?? 0;
  const nextStart = s.lineStarts[last];
  const end = Math.min(nextStart === undefined ? s.n : nextStart - 1, start + MAX_STATEMENT_TEXT);
  const t = s.text.slice(start, end);
  return t.endsWith('\r') ? t.slice(0, -1) : t;
}

function countLines(s: Scan, from: number, to: number): void {
  for (let k = from; k < to; k++) if (s.text.charCodeAt(k) === 10) s.line++;
}

function flushLit(s: Scan): void {
  if (s.lit !== '') {
    s.parts.push({ kind: 'text', text: s.lit });
    s.lit = '';
  }
}

function beginWord(s: Scan): void {
  if (s.inWord) return;
  s.inWord = true;
  s.wordStart = s.i;
  if (s.stmtLine === 0) s.stmtLine = s.line;
}

function endWord(s: Scan): void {
  if (!s.inWord) return;
  flushLit(s);
  s.words.push({ parts: s.parts, raw: s.text.slice(s.wordStart, s.i) });
  s.parts = [];
  s.inWord = false;
  if (s.words.length >= MAX_WORDS) stop(s, `more than ${MAX_WORDS} words in one statement`);
}

function endStatement(s: Scan): void {
  endWord(s);
  if (s.stopped) return;
  if (s.words.length > 0) {
    const text = lineText(s, s.stmtLine, s.line);
    s.out.push(
      s.unterminated
        ? { line: s.stmtLine, endLine: s.line, text, words: s.words, unterminated: true }
        : { line: s.stmtLine, endLine: s.line, text, words: s.words },
    );
    if (s.out.length >= MAX_STATEMENTS) stop(s, `more than ${MAX_STATEMENTS} statements`);
  }
  s.words = [];
  s.stmtLine = 0;
  s.unterminated = false;
}

/** Stop scanning: a last, empty statement marked `cut` says where and why. */
function stop(s: Scan, why: string): void {
  if (s.stopped) return;
  s.stopped = true;
  s.out.push({ line: s.line, endLine: s.line, text: `(scanning stopped: ${why})`, words: [], cut: true });
}

/** `${…}` at s.i: a variable reference up to the closing brace. */
function scanBraced(s: Scan): void {
  const close = s.text.indexOf('}', s.i + 2);
  const end = close < 0 ? s.n : close + 1;
  const inner = s.text.slice(s.i + 2, close < 0 ? s.n : close);
  let k = 0;
  while (k < inner.length && isNameChar(inner[k] ?? '')) k++;
  flushLit(s);
  s.parts.push({ kind: 'var', name: inner.slice(0, k), raw: s.text.slice(s.i, end) });
  countLines(s, s.i, end);
  s.i = end;
  if (close < 0) s.unterminated = true;
}

/** `$(…)` at s.i: a command substitution up to the matching parenthesis, kept verbatim. */
function scanCommandSubstitution(s: Scan): void {
  let depth = 0;
  let k = s.i + 1;
  for (; k < s.n; k++) {
    const c = s.text[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) break;
  }
  const end = k < s.n ? k + 1 : s.n;
  if (k >= s.n) s.unterminated = true;
  flushLit(s);
  s.parts.push({ kind: 'command', raw: s.text.slice(s.i, end) });
  countLines(s, s.i, end);
  s.i = end;
}

/** `$…` at s.i: `${NAME}`, `$(…)`, `$NAME`, or a literal `$`. */
function scanDollar(s: Scan): void {
  const next = s.text[s.i + 1] ?? '';
  if (next === '{') return scanBraced(s);
  if (next === '(') return scanCommandSubstitution(s);
  if (isNameStart(next)) {
    let k = s.i + 1;
    while (k < s.n && isNameChar(s.text[k] ?? '')) k++;
    flushLit(s);
    s.parts.push({ kind: 'var', name: s.text.slice(s.i + 1, k), raw: s.text.slice(s.i, k) });
    s.i = k;
    return;
  }
  s.lit += '$';
  s.i++;
}

/** `` `…` `` at s.i: a command substitution, kept verbatim. */
function scanBacktick(s: Scan): void {
  const close = s.text.indexOf('`', s.i + 1);
  const end = close < 0 ? s.n : close + 1;
  if (close < 0) s.unterminated = true;
  flushLit(s);
  s.parts.push({ kind: 'command', raw: s.text.slice(s.i, end) });
  countLines(s, s.i, end);
  s.i = end;
}

/** `'…'` at s.i: literal up to the next single quote. */
function scanSingleQuoted(s: Scan): void {
  const close = s.text.indexOf("'", s.i + 1);
  const end = close < 0 ? s.n : close;
  s.lit += s.text.slice(s.i + 1, end);
  countLines(s, s.i, end);
  if (close < 0) s.unterminated = true;
  s.i = end + 1;
}

/** `"…"` at s.i: literal text with `\$ \` \" \\` escapes, `$…` and `` `…` `` inside. */
function scanDoubleQuoted(s: Scan): void {
  s.i++;
  while (s.i < s.n) {
    const d = s.text[s.i] ?? '';
    if (d === '"') {
      s.i++;
      return;
    }
    if (d === '\\') {
      const e = s.text[s.i + 1] ?? '';
      if (e === '\n') {
        s.line++;
        s.i += 2;
      } else if (e === '$' || e === '`' || e === '"' || e === '\\') {
        s.lit += e;
        s.i += 2;
      } else {
        s.lit += '\\';
        s.i++;
      }
    } else if (d === '$') scanDollar(s);
    else if (d === '`') scanBacktick(s);
    else {
      if (d === '\n') s.line++;
      s.lit += d;
      s.i++;
    }
  }
  s.unterminated = true;
}

/** One step of the main loop: what the character at s.i starts. */
function step(s: Scan): void {
  const c = s.text[s.i] ?? '';
  if (c === '\n') {
    endStatement(s);
    s.line++;
    s.i++;
  } else if (isBlank(c)) {
    endWord(s);
    s.i++;
  } else if (c === ';' || c === '&' || c === '|') {
    endStatement(s);
    s.i++;
  } else if (c === '#' && !s.inWord) {
    const nl = s.text.indexOf('\n', s.i);
    s.i = nl < 0 ? s.n : nl;
  } else if (c === '\\' && s.text[s.i + 1] === '\n') {
    // Line continuation: joins words across the newline.
    s.line++;
    s.i += 2;
  } else {
    beginWord(s);
    if (c === '\\') {
      s.lit += s.text[s.i + 1] ?? '';
      s.i += 2;
    } else if (c === "'") scanSingleQuoted(s);
    else if (c === '"') scanDoubleQuoted(s);
    else if (c === '$') scanDollar(s);
    else if (c === '`') scanBacktick(s);
    else {
      s.lit += c;
      s.i++;
    }
  }
}

export function splitShellStatements(text: string): readonly ShellStatement[] {
  const s = newScan(text);
  while (s.i < s.n && !s.stopped) step(s);
  if (!s.stopped) endStatement(s);
  return s.out;
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
  /** The value reached MAX_EXPANDED characters and was cut there. */
  readonly cut?: true;
}

export function expandParts(parts: readonly WordPart[], lookup: (name: string) => string | undefined): Expanded {
  let value = '';
  const unresolved: string[] = [];
  let hasCommand = false;
  for (const p of parts) {
    if (value.length >= MAX_EXPANDED) break;
    switch (p.kind) {
      case 'text':
        value += p.text.slice(0, MAX_EXPANDED - value.length);
        break;
      case 'var': {
        const v = lookup(p.name);
        if (v === undefined) unresolved.push(p.name);
        else value += v.slice(0, MAX_EXPANDED - value.length);
        break;
      }
      case 'command':
        hasCommand = true;
        value += p.raw.slice(0, MAX_EXPANDED - value.length);
        break;
      default: {
        const never: never = p;
        return never;
      }
    }
  }
  const cut = value.length >= MAX_EXPANDED;
  return cut ? { value, unresolved, hasCommand, cut: true } : { value, unresolved, hasCommand };
}
