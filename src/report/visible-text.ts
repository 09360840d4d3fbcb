/**
 * Make untrusted text safe to show anywhere (terminal, Markdown, HTML) while keeping it visible:
 * control characters, C1 controls, bidi overrides/isolates and other format characters are
 * replaced by their escape (`\x1b`, `\u202e`) instead of being removed, so evidence still shows
 * what the host printed (docs/security.md §3.4: kubectl CVE-2021-25743, Trojan Source
 * CVE-2021-42574). Newlines and tabs are kept.
 */
// C0 except \t \n, DEL, C1, and Unicode format characters that reorder or hide text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function visibleText(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One line of untrusted text: also makes line breaks visible. */
export function visibleLine(text: string): string {
  return visibleText(text).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, ' ');
}
