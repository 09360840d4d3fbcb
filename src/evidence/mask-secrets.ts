/**
 * Secret values masked out of configuration text before it is quoted as evidence: the analyzer's
 * own pass over what the collector already masked (src/collector/collect.sh mask_line, same rules,
 * same output; test/evidence/mask-secrets.test.ts holds the two together), for bundles written by
 * other or older collectors, sosreports and pasted files.
 *
 * Rules, line by line (docs/bundle-format.md, "Secrets"):
 * - A key names a secret when it holds password/passwd/pass (not bypass, passthrough, passive),
 *   a misspelling of password (pasw, pssw, pswd, pwd, pword), passphrase, secret, token, credential,
 *   bearer, authorization/authorisation, private, key, or the words pw and pem (`db_pw`, `dbPw`,
 *   `cert_pem`), in any letter case.
 * - The line's own key (after indentation, a `#` of a commented-out line and a `- ` list mark;
 *   quoted or not; followed by `:`, `=` or blanks): its whole value is replaced, and the lines
 *   below it that are more indented — and blank lines, comments, and with an empty value `- `
 *   items at its own indentation — are replaced too (YAML block scalars `|` `>-`, lists, nested
 *   maps), until a line at or left of the key.
 * - Elsewhere in a line (flow mappings, JSON, `a=b` words): the value after `<secret key>:` or
 *   `<secret key>=` — a quoted string, or up to `,` `}` `]` (glued to `=`: also a blank, a quote or `;`).
 * - `user:password@` in URLs (`scheme://user:pass@host`) and DSNs (`user:pass@tcp(host)/db`).
 * - PEM bodies between `-----BEGIN …-----` and `-----END`.
 *
 * Pure, linear in the text, never throws.
 */

export const SECRET_MARK = 'redacted-by-ptdoctor';

const SECRET_WORD = /passw|pasw|pssw|pswd|pwd|pword|secret|token|credential|bearer|authori[sz]ation|private|apikey|privkey/;
const PW_WORD = /^pw$|[-._]pw$|^pw[-._]|[-._]pw[-._]/;
const PW_CAMEL = /[a-z0-9]P[Ww](?:$|[-A-Z._])/;
const PEM_WORD = /^pem$|[-._]pem$|^pem[-._]|[-._]pem[-._]/;
const PEM_CAMEL = /[a-z0-9]P[Ee][Mm](?:$|[-A-Z._])/;
const KEY_WORD = /^keys?$|[-._]keys?$|^keys?[-._]|[-._]keys?[-._]/;
const KEY_CAMEL = /[a-z0-9]K[Ee][Yy][Ss]?(?:$|[-A-Z._])/;
const NOT_A_KEY = /sort[-._]?key/;
const NOT_A_PASS = /bypass|passthrou|passiv/;
/** What a line must hold for any rule to change it. */
const TRIGGER = /p[as]s|psw|pw|secret|token|credent|bearer|authori|private|key|pem|@/;

const KEY_CHAR = /[-\w.]/;
const BLANK = new Set([' ', '\t']);
const USERINFO_END = new Set([' ', '\t', '"', "'", '=', ',', ';', '{', '[', '(']);

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Whether a configuration key names a secret. */
export function isSecretKey(key: string): boolean {
  const low = lowerAscii(key);
  if (SECRET_WORD.test(low) || PW_WORD.test(low) || PEM_WORD.test(low) || PW_CAMEL.test(key) || PEM_CAMEL.test(key)) return true;
  if ((KEY_WORD.test(low) || KEY_CAMEL.test(key)) && !NOT_A_KEY.test(low)) return true;
  return !NOT_A_PASS.test(low) && low.includes('pass');
}

interface MaskState {
  /** Indentation of the secret key whose block is open; null when none. */
  block: number | null;
  /** `- ` items at the key's own indentation still belong to it (its value was empty). */
  blockList: boolean;
  /** Inside a PEM body. */
  pem: boolean;
}

function leadingBlanks(s: string, from = 0): number {
  let i = from;
  while (i < s.length && BLANK.has(s.charAt(i))) i++;
  return i - from;
}

function isListMark(body: string): boolean {
  return body === '-' || (body.startsWith('-') && BLANK.has(body.charAt(1)));
}

function maskLine(line: string, st: MaskState): string {
  const indent = line.slice(0, leadingBlanks(line));
  const body = line.slice(indent.length);
  if (st.pem) {
    if (body.includes('-----END')) st.pem = false;
    else if (body !== '') return indent + SECRET_MARK;
    return line;
  }
  if (st.block !== null) {
    if (body === '') return line;
    const inBlock = indent.length > st.block || body.startsWith('#') || (isListMark(body) && st.blockList && indent.length === st.block);
    if (inBlock) {
      if (body.startsWith('#')) return `${indent}# ${SECRET_MARK}`;
      return isListMark(body) ? `${indent}- ${SECRET_MARK}` : indent + SECRET_MARK;
    }
    st.block = null;
  }
  if (!TRIGGER.test(lowerAscii(line)) && !line.includes('-----BEGIN')) return line;
  const w = maskPem(line, st);
  const own = maskOwnKey(w, indent.length, st);
  return own ?? maskUserinfo(maskPairs(w));
}

/** PEM armour: the body goes, on this line and (st.pem) on the following ones up to -----END. */
function maskPem(line: string, st: MaskState): string {
  const b = line.indexOf('-----BEGIN');
  if (b < 0) return line;
  let rest = line.slice(b + '-----BEGIN'.length);
  const d = rest.indexOf('-----');
  if (d < 0) return line;
  const head = `${line.slice(0, b)}-----BEGIN${rest.slice(0, d)}-----`;
  rest = rest.slice(d + 5);
  const e = rest.indexOf('-----END');
  if (e >= 0) return `${head}${SECRET_MARK}-----END${rest.slice(e + '-----END'.length)}`;
  st.pem = true;
  return rest === '' ? head : head + SECRET_MARK;
}

/** The line's own key, when it names a secret: the masked line, or null. */
function maskOwnKey(w: string, indent: number, st: MaskState): string | null {
  let i = indent;
  let comment = false;
  if (w.charAt(i) === '#') {
    comment = true;
    i += 1;
    i += leadingBlanks(w, i);
  }
  if (isListMark(w.slice(i, i + 2))) {
    i += 1;
    i += leadingBlanks(w, i);
  }
  const keyColumn = i;
  const quote = w.charAt(i) === '"' || w.charAt(i) === "'" ? w.charAt(i) : '';
  i += quote.length;
  const keyStart = i;
  while (i < w.length && KEY_CHAR.test(w.charAt(i))) i++;
  const key = w.slice(keyStart, i);
  if (key === '' || !isSecretKey(key)) return null;
  if (quote !== '' && w.charAt(i) === quote) i += 1;
  const blanks = leadingBlanks(w, i);
  i += blanks;
  const c = w.charAt(i);
  if (c === ':' || c === '=') {
    i += 1;
    i += leadingBlanks(w, i);
  } else if (i >= w.length || blanks === 0) return null;
  const value = w.slice(i);
  if (!comment) {
    st.block = keyColumn;
    st.blockList = value === '';
  }
  return value === '' ? w : w.slice(0, i) + SECRET_MARK;
}

function indexOfAny(s: string, chars: ReadonlySet<string>, from: number): number {
  for (let i = from; i < s.length; i++) if (chars.has(s.charAt(i))) return i;
  return -1;
}

const PAIR_SEP = new Set([':', '=']);
const QUOTES = new Set(['"', "'"]);
const GLUED_VALUE_END = new Set([' ', '\t', '"', "'", ',', ';', '}', ']']);
const FLOW_VALUE_END = new Set([',', '}', ']']);

/** The value after each `<secret key>:` or `<secret key>=` inside a line. */
function maskPairs(text: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const sep = indexOfAny(text, PAIR_SEP, pos);
    if (sep < 0) break;
    const c = text.charAt(sep);
    // the key: the word before the separator, after an optional closing quote and blanks
    let k = sep;
    while (k > pos && BLANK.has(text.charAt(k - 1))) k--;
    if (k > pos && QUOTES.has(text.charAt(k - 1))) k--;
    let ks = k;
    while (ks > pos && KEY_CHAR.test(text.charAt(ks - 1))) ks--;
    out += text.slice(pos, sep + 1);
    pos = sep + 1;
    const key = text.slice(ks, k);
    if (key === '' || !isSecretKey(key)) continue;
    if (c === ':' && text.startsWith('//', pos)) continue;
    const blanks = leadingBlanks(text, pos);
    const v = pos + blanks;
    if (v >= text.length) continue;
    const q = text.charAt(v);
    if (QUOTES.has(q)) {
      // the closing quote is the first one not escaped by a backslash
      let end = -1;
      let from = v + 1;
      for (;;) {
        const j = text.indexOf(q, from);
        if (j < 0) break;
        if (text.charAt(j - 1) !== '\\' || j - 1 < from) {
          end = j;
          break;
        }
        from = j + 1;
      }
      out += text.slice(pos, v) + q + SECRET_MARK + q;
      pos = end < 0 ? text.length : end + 1;
      continue;
    }
    const stop = indexOfAny(text, c === '=' && blanks === 0 ? GLUED_VALUE_END : FLOW_VALUE_END, v);
    const valueEnd = stop < 0 ? text.length : stop;
    if (valueEnd === v) continue;
    out += text.slice(pos, v) + SECRET_MARK;
    pos = valueEnd;
  }
  return out + text.slice(pos);
}

/** `user:password` before an `@` in URLs and DSNs; a raw `@` inside the password belongs to it. */
function maskUserinfo(text: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const at = text.indexOf('@', pos);
    if (at < 0) break;
    // the userinfo ends at the last @ of the word
    const wordEnd = indexOfAny(text, USERINFO_END, at + 1);
    const end = Math.max(at, text.lastIndexOf('@', (wordEnd < 0 ? text.length : wordEnd) - 1));
    let ts = end;
    while (ts > pos && !USERINFO_END.has(text.charAt(ts - 1))) ts--;
    const token = text.slice(ts, end);
    let masked = token;
    const scheme = token.indexOf('://');
    if (scheme >= 0) {
      const userinfo = token.slice(scheme + 3);
      if (!userinfo.includes('/') && userinfo.includes(':')) masked = `${token.slice(0, scheme)}://${SECRET_MARK}`;
    } else if (!token.includes('/') && token.includes(':')) masked = SECRET_MARK;
    out += `${text.slice(pos, ts)}${masked}@`;
    pos = end + 1;
  }
  return out + text.slice(pos);
}

/** Configuration text with every secret value replaced by SECRET_MARK; lines keep their place. */
export function maskSecrets(text: string): string {
  const st: MaskState = { block: null, blockList: false, pem: false };
  return text
    .split('\n')
    .map((line) => maskLine(line, st))
    .join('\n');
}
