/**
 * JSON text in which no character a terminal, an editor or a browser would act on or hide is
 * left raw: JSON.stringify already escapes C0 controls; DEL, C1 controls (CSI 0x9b starts an
 * escape sequence on some terminals), every format character (bidi overrides and isolates:
 * Trojan Source, CVE-2021-42574; zero-width characters; tag characters) and the line and
 * paragraph separators are written as \u escapes too. They can only occur inside strings, so
 * the parsed value is unchanged.
 */
const HIDDEN_IN_JSON = /[\u007f-\u009f\p{Cf}\u2028\u2029]/gu;
/** Every character the class above can match is outside ASCII's printable range: a plain scan rules them all out at once. */
const BEYOND_ASCII = /[^\x00-\x7e]/;

export function safeJsonText(value: unknown): string {
  return `${safeJsonChunk(JSON.stringify(value, null, 2))}\n`;
}

/** A piece of JSON text made safe the same way (the escapes are per character, so pieces can be made safe one by one). */
export function safeJsonChunk(json: string): string {
  return BEYOND_ASCII.test(json) ? json.replace(HIDDEN_IN_JSON, escapeUnits) : json;
}

function escapeUnits(c: string): string {
  let out = '';
  for (let i = 0; i < c.length; i += 1) out += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
