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

const KEY = /^([A-Za-z0-9_.-]+)\s*:(?:\s+(.*?))?\s*$/;
const ITEM = /^\s*-\s*(.*?)\s*$/;

function unquote(v: string): string {
  const m = /^(["'])(.*)\1$/.exec(v);
  return m ? (m[2] ?? '') : v.replace(/\s+#.*$/, '');
}

export function parseHostConf(text: string): HostConf {
  const entries: { key: string; value: string | null; items: SourceLine[]; line: number; text: string }[] = [];
  const unparsed: SourceLine[] = [];
  let open: (typeof entries)[number] | null = null;
  for (const l of splitLines(text)) {
    const t = l.text;
    if (/^\s*(#.*)?$/.test(t)) continue;
    const item = ITEM.exec(t);
    if (item && open && open.value === null) {
      open.items.push({ line: l.line, text: unquote(item[1] ?? '') });
      continue;
    }
    const kv = /^\S/.test(t) ? KEY.exec(t) : null;
    if (kv) {
      const raw = kv[2] ?? '';
      open = { key: kv[1] ?? '', value: raw === '' ? null : unquote(raw), items: [], line: l.line, text: t };
      entries.push(open);
      continue;
    }
    unparsed.push(l);
  }
  return { entries, unparsed };
}
