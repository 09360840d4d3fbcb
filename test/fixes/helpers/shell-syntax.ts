/**
 * A small POSIX shell tokenizer for the tests (XCU 2.3 Token Recognition, 2.2 Quoting, 2.6
 * Expansions): it reduces a script to the shell syntax that does something — operators, command
 * and parameter substitutions outside single quotes, unquoted globs, reserved words, comments
 * dropped — and abstracts every word's literal text to WORD. A value from a bundle that stays data
 * (single-quoted, or a bare safe word) leaves this sequence as a benign value of the same position
 * leaves it; one that escapes its quoting adds an operator, a substitution or a word.
 */

const OPERATORS = ['&&', '||', ';;', '<<', '>>', '<&', '>&', '<>', '>|', '&', '|', ';', '(', ')', '<', '>'];
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', 'in', '{', '}', '!']);
const BLANK = new Set([' ', '\t']);

export type Token = string;

interface State {
  readonly s: string;
  i: number;
  readonly out: Token[];
}

/** `$(…)` or `` `…` ``: the inner script, tokenized recursively, framed. */
function substitution(st: State, inner: string): void {
  st.out.push('SUBST(', ...tokenize(inner), ')SUBST');
}

/** At `$`: a parameter or command substitution, or a literal `$`. Returns true if it consumed something. */
function dollar(st: State): void {
  const s = st.s;
  const next = s[st.i + 1] ?? '';
  if (next === '(') {
    let depth = 0;
    let k = st.i + 1;
    for (; k < s.length; k++) {
      if (s[k] === '(') depth++;
      else if (s[k] === ')' && --depth === 0) break;
    }
    substitution(st, s.slice(st.i + 2, k));
    st.i = k + 1;
  } else if (next === '{') {
    const close = s.indexOf('}', st.i);
    const inner = s.slice(st.i + 2, close < 0 ? s.length : close);
    st.out.push(`PARAM(${/^[A-Z_]\w*/i.exec(inner)?.[0] ?? inner})`);
    st.i = close < 0 ? s.length : close + 1;
  } else if (/[\w@*#?$!-]/.test(next)) {
    const m = /^[A-Z_]\w*|^./i.exec(s.slice(st.i + 1))!;
    st.out.push(`PARAM(${m[0]})`);
    st.i += 1 + m[0].length;
  } else st.i++;
}

function backtick(st: State): void {
  const close = st.s.indexOf('`', st.i + 1);
  substitution(st, st.s.slice(st.i + 1, close < 0 ? st.s.length : close));
  st.i = close < 0 ? st.s.length : close + 1;
}

function doubleQuoted(st: State): void {
  st.i++;
  while (st.i < st.s.length && st.s[st.i] !== '"') {
    const c = st.s[st.i];
    if (c === '\\') st.i += 2;
    else if (c === '$') dollar(st);
    else if (c === '`') backtick(st);
    else st.i++;
  }
  st.i++;
}

/** One word: its literal text collapses to WORD; expansions inside it are kept. */
function word(st: State): void {
  const start = st.i;
  const at = st.out.length;
  let literal = '';
  let quoted = false;
  while (st.i < st.s.length) {
    const c = st.s[st.i]!;
    if (BLANK.has(c) || c === '\n' || OPERATORS.some((o) => st.s.startsWith(o, st.i))) break;
    if (c === "'") {
      const close = st.s.indexOf("'", st.i + 1);
      st.i = close < 0 ? st.s.length : close + 1;
      quoted = true;
    } else if (c === '"') {
      doubleQuoted(st);
      quoted = true;
    } else if (c === '\\') {
      st.i += 2;
      quoted = true;
    } else if (c === '$') dollar(st);
    else if (c === '`') backtick(st);
    else {
      if ((c === '*' || c === '?' || c === '[') && !quoted) st.out.push('GLOB');
      if (c === '~' && st.i === start) st.out.push('TILDE');
      literal += c;
      st.i++;
    }
  }
  const raw = st.s.slice(start, st.i);
  const assignment = /^[A-Z_]\w*=/i.exec(raw)?.[0];
  const head = !quoted && RESERVED.has(literal) && literal === raw ? `KW(${literal})` : assignment ? `ASSIGN(${assignment})` : 'WORD';
  st.out.splice(at, 0, head);
}

export function tokenize(script: string): Token[] {
  const st: State = { s: script, i: 0, out: [] };
  while (st.i < script.length) {
    const c = script[st.i]!;
    if (BLANK.has(c)) st.i++;
    else if (c === '\\' && script[st.i + 1] === '\n') st.i += 2;
    else if (c === '\n') {
      st.out.push('NL');
      st.i++;
    } else if (c === '#') {
      const nl = script.indexOf('\n', st.i);
      st.i = nl < 0 ? script.length : nl;
    } else {
      const op = OPERATORS.find((o) => script.startsWith(o, st.i));
      if (op) {
        st.out.push(`OP(${op})`);
        st.i += op.length;
      } else word(st);
    }
  }
  return st.out;
}

/** `a` is `b` with whole tokens left out (a refused value turns a command into a comment). */
export function isSubsequence(a: readonly Token[], b: readonly Token[]): boolean {
  let j = 0;
  for (const t of a) {
    while (j < b.length && b[j] !== t) j++;
    if (j === b.length) return false;
    j++;
  }
  return true;
}
