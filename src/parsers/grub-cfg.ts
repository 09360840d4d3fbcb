/**
 * Generated grub.cfg (evidence ids `grub-cfg` /boot/grub/grub.cfg, `grub2-cfg` /boot/grub2/grub.cfg,
 * `efi-grub-cfg` /boot/efi/EFI/<vendor>/grub.cfg).
 *
 * Sample: test/fixtures/grub-cfg/debian-12-iommu.cfg, lines 92 and 98 (verbatim, tab-indented):
 *   menuentry 'Debian GNU/Linux' --class debian --class gnu-linux --class gnu --class os $menuentry_id_option 'gnulinux-simple-/dev/vda' {
 *   	linux	/boot/vmlinuz-6.1.0-56-amd64 root=/dev/vda ro intel_iommu=on iommu=pt vfio_iommu_type1.allow_unsafe_interrupts=1 quiet
 * Output: menu entries (title, submenu path, line) with their `linux`/`linuxefi`/`linux16` lines
 * (kernel path, params string, line); `set default=` lines; whether `blscfg` is called (BLS hosts:
 * entries live in /boot/loader/entries); `set kernelopts=` lines; and, for an ESP stub that only
 * loads the real grub.cfg, the `search --fs-uuid` UUID and `configfile` target.
 * Quirks: entries inside `submenu '…' {` carry the submenu title in `submenu`
 * (debian-12-iommu.cfg line 102); the recovery entry's params start with `single`; a grub.d snippet
 * appending to an empty GRUB_CMDLINE_LINUX leaves two spaces after `ro`
 * (debian-12-grub-d-append.cfg line 98) — params are kept verbatim, split them with parseCmdline;
 * the Fedora/RHEL ESP stub (fedora-efi-stub.cfg, written by gen_grub_cfgstub) has no menu entries;
 * Debian's ESP stub uses `search.fs_uuid <uuid> root` instead of `search --fs-uuid`.
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';

export interface GrubLinuxLine {
  readonly command: string;
  readonly kernel: string;
  readonly params: string;
  readonly line: number;
  readonly text: string;
}

export interface GrubMenuEntry {
  readonly title: string;
  readonly submenu?: string;
  readonly line: number;
  readonly text: string;
  readonly linux: readonly GrubLinuxLine[];
}

export interface GrubCfg {
  readonly entries: readonly GrubMenuEntry[];
  readonly defaults: readonly { readonly value: string; readonly line: number; readonly text: string }[];
  readonly blscfg: readonly { readonly line: number; readonly text: string }[];
  readonly kernelopts: readonly { readonly value: string; readonly line: number; readonly text: string }[];
  readonly stub?: { readonly uuid?: string; readonly configfile: string; readonly line: number; readonly text: string };
  readonly searchUuids: readonly { readonly uuid: string; readonly line: number; readonly text: string }[];
  readonly unparsed: readonly UnparsedLine[];
}

const LINUX_COMMANDS = new Set(['linux', 'linuxefi', 'linux16']);

/** First grub word of a trimmed line and the rest (grub quoting: '…' and "…"). */
function firstWord(s: string): { word: string; rest: string } {
  let k = 0;
  while (k < s.length && s[k] !== ' ' && s[k] !== '\t') k++;
  let r = k;
  while (r < s.length && (s[r] === ' ' || s[r] === '\t')) r++;
  return { word: s.slice(0, k), rest: s.slice(r) };
}

function quotedTitle(rest: string): string {
  const q = rest[0];
  if (q === "'" || q === '"') {
    const end = rest.indexOf(q, 1);
    return end < 0 ? rest.slice(1) : rest.slice(1, end);
  }
  return firstWord(rest).word;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) return t.slice(1, -1);
  return t;
}

export function parseGrubCfg(text: string): GrubCfg {
  const entries: { title: string; submenu?: string; line: number; text: string; linux: GrubLinuxLine[] }[] = [];
  const defaults: { value: string; line: number; text: string }[] = [];
  const blscfg: { line: number; text: string }[] = [];
  const kernelopts: { value: string; line: number; text: string }[] = [];
  const searchUuids: { uuid: string; line: number; text: string }[] = [];
  const unparsed: UnparsedLine[] = [];
  let stub: GrubCfg['stub'];
  // Block stack: 'submenu' | 'entry' | 'other' for every `{`, popped on `}`.
  const stack: { kind: 'submenu' | 'entry' | 'other'; title?: string }[] = [];
  let current: (typeof entries)[number] | undefined;

  for (const { line, text: lineText } of splitLines(text)) {
    const t = lineText.trim();
    if (t === '' || t.startsWith('#')) continue;
    const { word, rest } = firstWord(t);
    const opensBlock = t.endsWith('{');
    if (word === 'menuentry' || word === 'submenu') {
      const title = quotedTitle(rest);
      const outer = stack.filter((s) => s.kind === 'submenu').map((s) => s.title ?? '');
      if (word === 'menuentry') {
        current =
          outer.length > 0
            ? { title, submenu: outer.join('>'), line, text: lineText, linux: [] }
            : { title, line, text: lineText, linux: [] };
        entries.push(current);
        if (opensBlock) stack.push({ kind: 'entry' });
      } else if (opensBlock) stack.push({ kind: 'submenu', title });
      continue;
    }
    if (t === '}' || t.startsWith('}')) {
      const top = stack.pop();
      if (top?.kind === 'entry') current = undefined;
      continue;
    }
    if (LINUX_COMMANDS.has(word)) {
      const k = firstWord(rest);
      const rec: GrubLinuxLine = { command: word, kernel: k.word, params: k.rest, line, text: lineText };
      if (current !== undefined) current.linux.push(rec);
      else unparsed.push({ line, text: lineText });
      continue;
    }
    if (word === 'blscfg') {
      blscfg.push({ line, text: lineText });
      continue;
    }
    if (word === 'set') {
      if (rest.startsWith('default=')) defaults.push({ value: unquote(rest.slice(8)), line, text: lineText });
      else if (rest.startsWith('kernelopts=')) kernelopts.push({ value: unquote(rest.slice(11)), line, text: lineText });
      continue;
    }
    if (word === 'search') {
      const parts = fields(rest);
      if (parts.includes('--fs-uuid') || parts.includes('-u')) {
        const uuid = parts.filter((p) => !p.startsWith('-')).pop();
        if (uuid !== undefined) searchUuids.push({ uuid, line, text: lineText });
      }
      continue;
    }
    if (word === 'search.fs_uuid') {
      // Debian/Ubuntu grub-install writes the ESP stub as `search.fs_uuid <uuid> root`
      // (printf template "search.fs_uuid %s root " in /usr/sbin/grub-install, grub2-common 2.06-13+deb12u2).
      const uuid = firstWord(rest).word;
      if (uuid !== '') searchUuids.push({ uuid, line, text: lineText });
      continue;
    }
    if (word === 'configfile') {
      const last = searchUuids[searchUuids.length - 1];
      stub = last === undefined ? { configfile: rest, line, text: lineText } : { uuid: last.uuid, configfile: rest, line, text: lineText };
      continue;
    }
    if (opensBlock) stack.push({ kind: 'other' });
  }
  const base = { entries, defaults, blscfg, kernelopts, searchUuids, unparsed };
  // A file with menu entries is a real menu even if it also chains somewhere; only an entry-less
  // file that hands over with `configfile` is a stub.
  return stub === undefined || entries.length > 0 ? base : { ...base, stub };
}
