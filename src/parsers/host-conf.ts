/**
 * `/etc/yunion/host.conf` (evidence id `yunion-host-conf`): the Cloudpods host service's YAML
 * options file, read by structarg's ParseFile (vendor/yunion.io/x/structarg/structarg.go,
 * parseJSONDict → parseJSONKeyValue) after jsonutils.ParseYAML.
 *
 * Sample: test/fixtures/cloudpods/host-conf-guide-typos.conf, lines 1–3 (the guides' own lines).
 * Output: the top-level keys in file order, each with its scalar value (quotes removed) or its
 * `- item` list, with line numbers. Only the subset the host service's files use is read: flat
 * `key: value`, `key:` followed by `- item` lines, `#` comments.
 * Quirks: the guide writes list items without indentation (`AMDVgpuPFs:` then `- 04:00.0`,
 * fixture host-conf-guide-typos.conf); YAML accepts that, so it is accepted here too.
 */
import { splitLines, type SourceLine } from './lines.js';

export interface HostConfEntry {
  readonly key: string;
  /** Scalar value with surrounding quotes removed; null for a list or an empty value. */
  readonly value: string | null;
  readonly items: readonly SourceLine[];
  readonly line: number;
  readonly text: string;
}

export interface HostConf {
  readonly entries: readonly HostConfEntry[];
  readonly unparsed: readonly SourceLine[];
}

// Patterns match a bounded prefix only; values are sliced and trimmed, so a line costs linear time
// whatever it holds (a 300 KB line once took 44 s with a lazy `(.*?)\s*$`).
const KEY = /^([\w.-]+)[ \t]*:/;
const ITEM = /^\s*-/;

function unquote(v: string): string {
  const q = v[0];
  if ((q === '"' || q === "'") && v.length >= 2 && v.endsWith(q)) return v.slice(1, -1);
  const comment = /\s#/.exec(v);
  return comment ? v.slice(0, comment.index).trimEnd() : v;
}

export function parseHostConf(text: string): HostConf {
  const entries: { key: string; value: string | null; items: SourceLine[]; line: number; text: string }[] = [];
  const unparsed: SourceLine[] = [];
  let open: (typeof entries)[number] | null = null;
  for (const l of splitLines(text)) {
    const t = l.text;
    const trimmed = t.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const item = ITEM.exec(t);
    if (item && open && open.value === null) {
      open.items.push({ line: l.line, text: unquote(t.slice(item[0].length).trim()) });
      continue;
    }
    const kv = /^\S/.test(t) ? KEY.exec(t) : null;
    const rest = kv ? t.slice(kv[0].length) : '';
    // `key:value` with no blank after the colon is not YAML's key form.
    if (kv && (rest === '' || /^\s/.test(rest))) {
      const raw = rest.trim();
      open = { key: kv[1] ?? '', value: raw === '' ? null : unquote(raw), items: [], line: l.line, text: t };
      entries.push(open);
      continue;
    }
    unparsed.push(l);
  }
  return { entries, unparsed };
}
