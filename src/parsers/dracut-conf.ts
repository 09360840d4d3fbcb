/**
 * /etc/dracut.conf.d/*.conf (evidence id `dracut-conf-d`), dracut.conf(5): shell assignments that
 * dracut sources, e.g. `add_drivers+=" <kernel modules> "`, `force_drivers+=`, `omit_drivers+=`,
 * `add_dracutmodules+=`; the man page asks for spaces inside the quotes of `+=` values.
 *
 * Sample: test/fixtures/dracut-conf/suse.conf.example, lines 7–8 (verbatim):
 *   hostonly="yes"
 *   hostonly_cmdline="yes"
 * Output: every assignment (name, op `=` or `+=`, expanded value, line, text) and `lists`: the
 * whitespace-split words each list option accumulates across the file (`=` resets, `+=` appends).
 * Quirks: `omit_drivers+=" i2o_scsi "` (suse.conf.example line 13); commented
 * `# add_dracutmodules+=debug` is ignored (line 25); unquoted values (fedora.conf.example
 * `stdloglvl=3`); other shell goes to `unparsed`.
 */
import { expandParts, splitShellStatements, type ShellWord, type WordPart } from './shell-words.js';

export interface DracutAssignment {
  readonly name: string;
  readonly op: '=' | '+=';
  readonly value: string;
  readonly line: number;
  readonly text: string;
}

export interface DracutConf {
  readonly assignments: readonly DracutAssignment[];
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly unparsed: readonly { readonly line: number; readonly text: string }[];
}

const isNameChar = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_';

function splitDracutAssignment(w: ShellWord): { name: string; op: '=' | '+='; value: WordPart[] } | undefined {
  const first = w.parts[0];
  if (first === undefined || first.kind !== 'text') return undefined;
  const t = first.text;
  let k = 0;
  while (k < t.length && isNameChar(t[k] ?? '')) k++;
  if (k === 0) return undefined;
  let op: '=' | '+=';
  if (t[k] === '=') op = '=';
  else if (t[k] === '+' && t[k + 1] === '=') op = '+=';
  else return undefined;
  // The name must be unquoted source text.
  if (!w.raw.startsWith(t.slice(0, k))) return undefined;
  const rest = t.slice(k + op.length);
  const value: WordPart[] = rest === '' ? [] : [{ kind: 'text', text: rest }];
  value.push(...w.parts.slice(1));
  return { name: t.slice(0, k), op, value };
}

export function parseDracutConf(text: string): DracutConf {
  const assignments: DracutAssignment[] = [];
  const unparsed: { line: number; text: string }[] = [];
  const env = new Map<string, string>();
  const lists: Record<string, string[]> = {};
  for (const st of splitShellStatements(text)) {
    const parsed = st.words.map(splitDracutAssignment);
    if (st.unterminated || st.cut || parsed.some((p) => p === undefined)) {
      unparsed.push({ line: st.line, text: st.text });
      continue;
    }
    for (const a of parsed) {
      if (a === undefined) continue;
      const value = expandParts(a.value, (n) => env.get(n)).value;
      env.set(a.name, a.op === '+=' ? (env.get(a.name) ?? '') + value : value);
      assignments.push({ name: a.name, op: a.op, value, line: st.line, text: st.text });
      const items = value.split(/[ \t\n]+/).filter((x) => x !== '');
      lists[a.name] = a.op === '+=' ? [...(lists[a.name] ?? []), ...items] : items;
    }
  }
  return { assignments, lists, unparsed };
}
