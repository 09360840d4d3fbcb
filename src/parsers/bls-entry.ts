/**
 * Boot Loader Specification Type #1 entries, /boot/loader/entries/*.conf (evidence ids
 * `bls-entries`, `esp-loader-entries`). UAPI.1: "The first word of a line is used as key and is
 * separated by one or more spaces from the value. The rest of the line contains the value";
 * `#` lines are comments; `options` may appear more than once and is combined in order.
 *
 * Sample: test/fixtures/bls-entry/rocky-8.5-kernelopts.conf, lines 1–5 (verbatim):
 *   title Rocky Linux (5.16.9-custom) 8.5 (Green Obsidian)
 *   version 5.16.9-custom
 *   linux /vmlinuz-5.16.9-custom
 *   initrd /initramfs-5.16.9-custom.img $tuned_initrd
 *   options $kernelopts $tuned_params
 * Output: every key line in order, plus the well-known keys (last wins, `options`/`initrd` collect).
 * Quirks: on RHEL 8 the options are `$kernelopts` (expanded by grub from grubenv); `variables`
 * lists the `$names` used (rocky-8.5-kernelopts.conf); several spaces may separate key and value
 * (proxmox-systemd-boot.conf, uapi-spec-example.conf).
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface BlsLine {
  readonly key: string;
  readonly value: string;
  readonly line: number;
  readonly text: string;
}

export interface BlsEntry {
  readonly lines: readonly BlsLine[];
  readonly title?: BlsLine;
  readonly version?: BlsLine;
  readonly linux?: BlsLine;
  readonly id?: BlsLine;
  readonly grubUsers?: BlsLine;
  readonly initrd: readonly BlsLine[];
  readonly options: readonly BlsLine[];
  /** All `options` values joined with one space, in order. */
  readonly optionsText: string;
  /** `$name` references in options (grub environment variables such as kernelopts). */
  readonly variables: readonly string[];
  readonly unparsed: readonly UnparsedLine[];
}

const isNameChar = (c: string): boolean => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_';

export function grubVariables(s: string): string[] {
  const out: string[] = [];
  for (let i = s.indexOf('$'); i >= 0; i = s.indexOf('$', i + 1)) {
    let k = i + 1;
    const braced = s[k] === '{';
    if (braced) k++;
    const start = k;
    while (k < s.length && isNameChar(s[k] ?? '')) k++;
    if (k > start) out.push(s.slice(start, k));
  }
  return out;
}

export function parseBlsEntry(text: string): BlsEntry {
  const lines: BlsLine[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    const t = l.text.trim();
    if (t === '' || t.startsWith('#')) continue;
    let k = 0;
    while (k < t.length && t[k] !== ' ' && t[k] !== '\t') k++;
    const key = t.slice(0, k);
    const value = t.slice(k).trim();
    if (value === '' && !/^[a-z_-]+$/.test(key)) {
      unparsed.push(l);
      continue;
    }
    lines.push({ key, value, line: l.line, text: l.text });
  }
  const last = (key: string): BlsLine | undefined => lines.filter((l) => l.key === key).pop();
  const options = lines.filter((l) => l.key === 'options');
  const optionsText = options.map((o) => o.value).join(' ');
  const pick = (name: string, key: string): Record<string, BlsLine> => {
    const l = last(key);
    return l === undefined ? {} : { [name]: l };
  };
  return {
    lines,
    ...pick('title', 'title'),
    ...pick('version', 'version'),
    ...pick('linux', 'linux'),
    ...pick('id', 'id'),
    ...pick('grubUsers', 'grub_users'),
    initrd: lines.filter((l) => l.key === 'initrd'),
    options,
    optionsText,
    variables: grubVariables(optionsText),
    unparsed,
  };
}
