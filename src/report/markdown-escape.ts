/**
 * Markdown escaping for untrusted text pasted into tickets (docs/security.md §3.3): inline text
 * gets Markdown punctuation backslash-escaped and `<` `>` `&` as entities; @mentions and #refs get a
 * zero-width space so ticket systems do not ping or link; code goes in spans or fences longer than
 * any backtick run inside. Code keeps its text, but `@` and `://` get the zero-width space there
 * too: some ticket systems link mentions and URLs, or fetch a URL that names an image, even
 * inside code, and evidence must not make a reader's browser fetch anything.
 */
const INLINE_SPECIAL = /[\\`*_[\]|~]/g;
// CommonMark line endings (spec §2.1): a lone CR ends a line too, so it could start a heading or
// end a table row inside text meant to stay inline.
const LINE_ENDING = /\r\n|\r|\n/g;

export function mdInline(text: string): string {
  return text
    .replace(LINE_ENDING, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE_SPECIAL, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/([@#])\b/g, '$1\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}

export function mdCell(text: string): string {
  return mdInline(text);
}

function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** `@mention` and `scheme://` broken by a zero-width space (code spans and fences). */
function breakLinks(text: string): string {
  return text.replace(/(@)\b/g, '$1\u200b').replace(/:\/\//g, ':\u200b//');
}

export function mdCodeSpan(text: string): string {
  const oneLine = breakLinks(text.replace(LINE_ENDING, ' '));
  const fence = '`'.repeat(longestRun(oneLine, '`') + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine === '' ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}

export function mdFence(text: string, lang = ''): string {
  const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
  const body = breakLinks(text).replace(/\n$/, '');
  return `${fence}${lang}\n${body}\n${fence}`;
}
