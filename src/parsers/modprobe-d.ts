/**
 * /etc/modprobe.d/*.conf (evidence id `modprobe-d`), syntax of modprobe.d(5): "one command per
 * line, with blank lines and lines starting with '#' ignored … A '\' at the end of a line causes it
 * to continue on the next line"; "module and alias names … can have - or _ in them: both are
 * interchangeable".
 *
 * Sample: test/fixtures/modprobe-d/kmod-aliases.conf, lines 5–6 (verbatim):
 *   options snd-pcsp index=-2
 *   options cx88_alsa index=-2
 * Output: one record per command — options (module, params), softdep (pre/post lists), blacklist,
 * install/remove (command kept verbatim), alias (pattern, module) — each with `module` as written,
 * `moduleKey` with `-` folded to `_`, the line, and the verbatim text.
 * Quirks: leading whitespace is allowed (pve-vfio-ids.conf is ` options vfio-pci ids=…`, copied
 * from pve-docs); `softdep uhci-hcd pre: ehci-hcd` (kmod-aliases.conf line 14); a continued
 * command's line is its first line and its text spans the joined lines.
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';
import { moduleKey } from './module-name.js';

export type ModprobeCommand =
  | { readonly kind: 'options'; readonly params: readonly { readonly key: string; readonly value?: string; readonly raw: string }[] }
  | { readonly kind: 'softdep'; readonly pre: readonly string[]; readonly post: readonly string[] }
  | { readonly kind: 'blacklist' }
  | { readonly kind: 'install' | 'remove'; readonly command: string }
  | { readonly kind: 'alias'; readonly pattern: string };

export type ModprobeRecord = ModprobeCommand & {
  readonly module: string;
  readonly moduleKey: string;
  readonly line: number;
  readonly text: string;
};

export interface ModprobeD {
  readonly records: readonly ModprobeRecord[];
  readonly unparsed: readonly UnparsedLine[];
}

/**
 * Joins backslash-continued source lines (from splitLines); yields logical lines with their first
 * line number, the verbatim source lines joined with "\n", and the command with each `\` + newline
 * replaced by one space.
 */
export function logicalLines(text: string): { line: number; text: string; joined: string }[] {
  const out: { line: number; text: string; joined: string }[] = [];
  let first = 0;
  let parts: string[] = [];
  let joined = '';
  for (const { line, text: t } of splitLines(text)) {
    if (parts.length === 0) first = line;
    parts.push(t);
    if (t.endsWith('\\')) {
      joined += `${t.slice(0, -1)} `;
      continue;
    }
    joined += t;
    out.push({ line: first, text: parts.join('\n'), joined });
    parts = [];
    joined = '';
  }
  if (parts.length > 0) out.push({ line: first, text: parts.join('\n'), joined });
  return out;
}

export function parseModprobeD(text: string): ModprobeD {
  const records: ModprobeRecord[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of logicalLines(text)) {
    const t = l.joined.trim();
    if (t === '' || t.startsWith('#')) continue;
    const w = fields(t);
    const cmd = w[0] ?? '';
    const mod = w[1];
    const at = { line: l.line, text: l.text };
    if (mod === undefined) {
      unparsed.push(at);
      continue;
    }
    const base = { module: mod, moduleKey: moduleKey(mod), ...at };
    switch (cmd) {
      case 'options': {
        const params = w.slice(2).map((raw) => {
          const eq = raw.indexOf('=');
          return eq < 0 ? { key: raw, raw } : { key: raw.slice(0, eq), value: raw.slice(eq + 1), raw };
        });
        records.push({ kind: 'options', params, ...base });
        break;
      }
      case 'softdep': {
        const pre: string[] = [];
        const post: string[] = [];
        let into: string[] | undefined;
        let ok = true;
        for (const x of w.slice(2)) {
          if (x === 'pre:') into = pre;
          else if (x === 'post:') into = post;
          else if (into === undefined) ok = false;
          else into.push(x);
        }
        if (ok) records.push({ kind: 'softdep', pre, post, ...base });
        else unparsed.push(at);
        break;
      }
      case 'blacklist':
        records.push({ kind: 'blacklist', ...base });
        break;
      case 'install':
      case 'remove': {
        const idx = t.indexOf(mod, cmd.length) + mod.length;
        records.push({ kind: cmd, command: t.slice(idx).trim(), ...base });
        break;
      }
      case 'alias': {
        const target = w[2];
        if (target === undefined) unparsed.push(at);
        else records.push({ kind: 'alias', pattern: mod, module: target, moduleKey: moduleKey(target), ...at });
        break;
      }
      default:
        unparsed.push(at);
    }
  }
  return { records, unparsed };
}
