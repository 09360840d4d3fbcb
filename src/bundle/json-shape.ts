/**
 * How big a JSON text is once parsed, found by one pass over its bytes before JSON.parse builds
 * anything: how deeply it nests, how many objects and arrays it opens, and how many values it
 * separates (commas). A 16 MiB manifest.json of nested arrays is eight million arrays once parsed
 * (925 MB of heap), one of `{},{},…` five million objects (570 MB): both are visible here from
 * the brackets and commas alone. Brackets and commas inside strings do not count; the text need
 * not be valid JSON (JSON.parse decides that).
 */
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export interface JsonShape {
  readonly depth: number;
  readonly containers: number;
  readonly commas: number;
}

export function jsonShape(json: Uint8Array): JsonShape {
  let depth = 0;
  let deepest = 0;
  let containers = 0;
  let commas = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i];
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === COMMA) commas += 1;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      containers += 1;
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth -= 1;
  }
  return { depth: deepest, containers, commas };
}
