/**
 * Make untrusted text safe to show anywhere (terminal, Markdown, HTML) while keeping it visible:
 * control characters, C1 controls, bidi overrides/isolates and other format characters are
 * replaced by their escape (`\x1b`, `\u202e`, `\u{e0041}`) instead of being removed, so evidence still shows
 * what the host printed (docs/security.md §3.4: kubectl CVE-2021-25743, Trojan Source
 * CVE-2021-42574). Newlines and tabs are kept.
 */
// C0 except \t \n, DEL, C1 (Cc); every Unicode format character (Cf: bidi controls, zero-width
// characters, the invisible tag characters U+E0000–U+E007F that can smuggle hidden text); line and
// paragraph separators. Tab and newline are left out of the class itself rather than passed back
// by the replacer: a 1 MiB line of tabs made a million replacer calls (400 ms per line).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/gu;

function escape(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\u{${code.toString(16)}}`;
}

/** Printable ASCII, tab and newline only: nothing UNSAFE can match (a plain scan, cheaper than the Unicode class). */
const PLAIN = /^[\x20-\x7e\t\n]*$/;

export function visibleText(text: string): string {
  return PLAIN.test(text) ? text : text.replace(UNSAFE, escape);
}

/**
 * One line of untrusted text: also makes line breaks visible. Tabs become spaces by split and
 * join, five times faster than a global replace on a line made of tabs (20 ms against 100 ms per MiB).
 */
const PLAIN_LINE = /^[\x20-\x7e]*$/;

export function visibleLine(text: string): string {
  if (PLAIN_LINE.test(text)) return text;
  return visibleText(text).replace(/\r/g, '\\r').replace(/\n/g, '\\n').split('\t').join(' ');
}
