/**
 * `JSON.stringify(value, null, 2)` of an object written a piece at a time. Its top-level values
 * may be lazy lists, whose items are made and stringified a batch at a time when their turn
 * comes, so a report with thousands of items never exists whole beside its text. The text is the
 * same as JSON.stringify's: each batch is stringified in the place it has in the whole value and
 * cut out of the text around it.
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

/** Items stringified together: one JSON.stringify call per batch, not per item. */
const BATCH_ITEMS = 64;

export function* streamedJson(value: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  let piece = '{';
  for (const [i, key] of keys.entries()) {
    const v = value[key];
    piece += `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (!(v instanceof LazyList)) {
      piece += atDepthOne(v);
      continue;
    }
    if (v.length === 0) {
      piece += '[]';
      continue;
    }
    piece += '[\n';
    let batch: unknown[] = [];
    let first = true;
    for (const item of v.items()) {
      batch.push(item);
      if (batch.length < BATCH_ITEMS) continue;
      yield `${piece}${first ? '' : ',\n'}${itemsAtDepthTwo(batch)}`;
      piece = '';
      first = false;
      batch = [];
    }
    if (batch.length > 0) piece += `${first ? '' : ',\n'}${itemsAtDepthTwo(batch)}`;
    piece += '\n  ]';
  }
  yield `${piece}${keys.length === 0 ? '}' : '\n}'}`;
}

/**
 * A value as JSON.stringify indents it as a property of the top-level object: it stringifies the
 * value in that place and cuts the text around it (no second pass to indent it).
 */
function atDepthOne(v: unknown): string {
  const text = JSON.stringify({ k: v }, null, 2);
  return text.slice(OPEN_ONE.length, text.length - CLOSE_ONE.length);
}
const OPEN_ONE = '{\n  "k": ';
const CLOSE_ONE = '\n}';

/** Items as JSON.stringify indents them in a list that is a property of the top-level object, separated by `,\n`. */
function itemsAtDepthTwo(items: readonly unknown[]): string {
  const text = JSON.stringify({ k: items }, null, 2);
  return text.slice(OPEN_TWO.length, text.length - CLOSE_TWO.length);
}
const OPEN_TWO = '{\n  "k": [\n';
const CLOSE_TWO = '\n  ]\n}';
