/**
 * /proc/mounts (evidence id `mounts`): `device mountpoint fstype options dump pass`, fields separated
 * by one space; space, tab, newline and backslash inside fields are written as octal escapes
 * (`\040`, `\011`, `\012`, `\134`).
 *
 * Sample: test/fixtures/mounts/container-host.txt, lines 1 and 6 (verbatim):
 *   proc /proc proc rw,relatime 0 0
 *   /dev/vda / ext4 rw,relatime,discard,resv_strict,resuid=65534,resgid=65534 0 0
 * Output: one record per line with unescaped device and mountpoint, fstype, options split on `,`.
 * Quirks: the same mountpoint can appear twice (container-host.txt: /dev/pts and /dev/shm);
 * the last mount on a path is the visible one.
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface MountEntry {
  readonly device: string;
  readonly mountpoint: string;
  readonly fstype: string;
  readonly options: readonly string[];
  readonly line: number;
  readonly text: string;
}

export interface Mounts {
  readonly mounts: readonly MountEntry[];
  readonly unparsed: readonly UnparsedLine[];
}

export function unescapeOctal(s: string): string {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    const oct = s.slice(i + 1, i + 4);
    if (c === '\\' && oct.length === 3 && /^[0-7]{3}$/.test(oct)) {
      out += String.fromCharCode(parseInt(oct, 8));
      i += 3;
    } else out += c;
  }
  return out;
}

export function parseMounts(text: string): Mounts {
  const mounts: MountEntry[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    const t = l.text;
    if (t.trim() === '') continue;
    // Exactly one space separates the fields (the kernel escapes blanks inside them), so an empty
    // field from a doubled space is malformed, not skipped as `fields()` would.
    const f = t.split(' ');
    const [device, mountpoint, fstype, options] = f;
    if (
      f.length < 4 ||
      device === undefined ||
      mountpoint === undefined ||
      fstype === undefined ||
      options === undefined ||
      device === '' ||
      mountpoint === ''
    ) {
      unparsed.push(l);
      continue;
    }
    mounts.push({
      device: unescapeOctal(device),
      mountpoint: unescapeOctal(mountpoint),
      fstype,
      options: options.split(','),
      line: l.line,
      text: t,
    });
  }
  return { mounts, unparsed };
}
