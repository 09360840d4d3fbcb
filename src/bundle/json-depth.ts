/**
 * How deeply a JSON text nests, found by one pass over its characters before JSON.parse sees it.
 * A 16 MiB manifest.json of nested arrays is eight million arrays once parsed (925 MB of heap):
 * the depth is known from the brackets alone, so such a file is refused without building anything.
 * Brackets inside strings do not count; the text need not be valid JSON (JSON.parse decides that).
 */
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when `json` (UTF-8 bytes) nests objects and arrays deeper than `max` anywhere. */
export function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i];
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
  }
  return false;
}
