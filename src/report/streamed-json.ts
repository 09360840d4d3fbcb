/**
 * `JSON.stringify(value, null, 2)` of an object written a piece at a time. Its top-level values
 * may be lazy lists, whose items are made and stringified one by one when their turn comes, so a
 * report with thousands of items never exists whole beside its text. The text is the same as
 * JSON.stringify's: an item stringified alone and indented by its depth is what JSON.stringify
 * writes for it inside the list (a raw newline can only be indentation: in strings it is escaped).
 */

/** The items of a list, made one at a time. */
export class LazyList<T> {
  constructor(
    readonly length: number,
    readonly items: () => Iterable<T>,
  ) {}
}

export function lazyList<S, T>(source: readonly S[], make: (s: S) => T): LazyList<T> {
  return new LazyList(source.length, function* () {
    for (const s of source) yield make(s);
  });
}

/** Pieces of about this many characters: few writes, and never much of the text at once. */
const PIECE_CHARS = 64 * 1024;

export function* streamedJson(value: Record<string, unknown>): Generator<string> {
  let piece = '{';
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  for (const [i, key] of keys.entries()) {
    const v = value[key];
    piece += `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (!(v instanceof LazyList)) {
      piece += indented(JSON.stringify(v, null, 2), '  ');
      continue;
    }
    if (v.length === 0) {
      piece += '[]';
      continue;
    }
    piece += '[';
    let first = true;
    for (const item of v.items()) {
      piece += `${first ? '' : ','}\n    ${indented(JSON.stringify(item, null, 2), '    ')}`;
      first = false;
      if (piece.length >= PIECE_CHARS) {
        yield piece;
        piece = '';
      }
    }
    piece += '\n  ]';
  }
  yield `${piece}${keys.length === 0 ? '}' : '\n}'}`;
}

function indented(json: string, by: string): string {
  return json.includes('\n') ? json.replaceAll('\n', `\n${by}`) : json;
}
