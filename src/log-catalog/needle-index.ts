/**
 * Which of a fixed set of literal needles occur in a text, found in one pass over the text
 * whatever the number of needles: an Aho-Corasick automaton compiled to a full transition table
 * (one typed-array lookup per character). Characters that occur in no needle share one class,
 * so the table stays small (states × distinct needle characters).
 */

export interface NeedleIndex {
  /** Calls `hit` with the index of every needle occurring in `text` (once per occurrence). */
  readonly search: (text: string, hit: (needle: number) => void) => void;
}

export function buildNeedleIndex(needles: readonly string[]): NeedleIndex {
  const classOf = new Uint16Array(65536);
  let width = 1;
  for (const n of needles) {
    for (let i = 0; i < n.length; i++) {
      const c = n.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = width++;
    }
  }

  // The trie, node 0 the root.
  const children: Map<number, number>[] = [new Map()];
  const own: number[][] = [[]];
  needles.forEach((n, id) => {
    let node = 0;
    for (let i = 0; i < n.length; i++) {
      const cls = classOf[n.charCodeAt(i)]!;
      let next = children[node]!.get(cls);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        own.push([]);
        children[node]!.set(cls, next);
      }
      node = next;
    }
    own[node]!.push(id);
  });

  // The transition table holds the next state's row (state × width), negative when needles end in
  // that state: the search makes one lookup per character, with no multiplication and no output
  // check otherwise. Breadth-first: a node's failure link is shorter, so its row is complete (and
  // its outputs final) before the node's.
  const states = children.length;
  const rows = new Int32Array(states * width);
  const fail = new Int32Array(states);
  const out: number[][] = own.map((ids) => [...ids]);
  const entry = (state: number): number => (out[state]!.length > 0 ? -(state * width) : state * width);
  const queue: number[] = [];
  for (const [cls, child] of children[0]!) {
    rows[cls] = entry(child);
    queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    const row = node * width;
    const failRow = fail[node]! * width;
    // The failure state's row first, then this node's own children over it.
    rows.copyWithin(row, failRow, failRow + width);
    for (const [cls, child] of children[node]!) {
      fail[child] = Math.abs(rows[failRow + cls]!) / width;
      out[child]!.push(...out[fail[child]!]!);
      rows[row + cls] = entry(child);
      queue.push(child);
    }
  }

  // Outputs flattened: state s owns outIds[outStart[s] .. outStart[s + 1]).
  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) outStart[s + 1] = outStart[s]! + out[s]!.length;
  const outIds = Int32Array.from(out.flat());

  return {
    search(text, hit) {
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        row = rows[row + classOf[text.charCodeAt(i)]!]!;
        if (row < 0) {
          row = -row;
          const state = row / width;
          const end = outStart[state + 1]!;
          for (let k = outStart[state]!; k < end; k++) hit(outIds[k]!);
        }
      }
    },
  };
}
