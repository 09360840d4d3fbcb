/**
 * `uname -srvm` (evidence id `uname`).
 *
 * Sample: test/fixtures/uname/firecracker-6.18.txt, line 1 (verbatim):
 *   Linux 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64
 * Output: kernel name, release, version (the `#…` build string, which contains spaces), machine,
 * and major/minor parsed from the release so rules can ask "before or after 6.2" (vfio_virqfd
 * was folded into vfio in 6.2).
 * Quirks: the version field has spaces, so the line is read from both ends: the first two words
 * are name and release, the last is the machine, everything between is the version; a build
 * date may be a bare `@0` (reproducible builds, fixture above).
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';

export interface Uname {
  readonly line?: number;
  readonly text?: string;
  readonly kernelName?: string;
  readonly release?: string;
  readonly version?: string;
  readonly machine?: string;
  readonly major?: number;
  readonly minor?: number;
  readonly unparsed: readonly UnparsedLine[];
}

/** `6.18.44-fc-v782` → {major: 6, minor: 18}. */
export function kernelMajorMinor(release: string): { major: number; minor: number } | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})/.exec(release);
  return m && m[1] && m[2] ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

/** -1, 0 or 1 comparing a release with major.minor; undefined when the release is unreadable. */
export function compareKernel(release: string, major: number, minor: number): number | undefined {
  const v = kernelMajorMinor(release);
  if (!v) return undefined;
  if (v.major !== major) return v.major < major ? -1 : 1;
  return v.minor === minor ? 0 : v.minor < minor ? -1 : 1;
}

export function parseUname(text: string): Uname {
  const lines = splitLines(text).filter((l) => l.text.trim() !== '');
  const first = lines[0];
  if (!first) return { unparsed: [] };
  const extra = lines.slice(1);
  const f = fields(first.text);
  if (f.length < 4) return { unparsed: lines };
  const release = f[1] ?? '';
  const mm = kernelMajorMinor(release);
  return {
    line: first.line,
    text: first.text,
    kernelName: f[0] ?? '',
    release,
    version: f.slice(2, -1).join(' '),
    machine: f[f.length - 1] ?? '',
    ...(mm ?? {}),
    unparsed: extra,
  };
}
