/**
 * `uname -srvm` (evidence id `uname`).
 *
 * Sample: test/fixtures/uname/firecracker-6.18.txt, line 1 (verbatim):
 *   Linux 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64
 * Output: kernel name, release, version (the `#…` build string, which contains spaces), machine,
 * and major/minor parsed from the release so rules can ask "before or after 6.2" (vfio_virqfd
 * was folded into vfio in 6.2; the comparison is `atLeast` in src/facts/kernel.ts).
 * Quirks: the version field has spaces, so the line is read from both ends: the first two words
 * are name and release, the last is the machine, everything between is the version; a build
 * date may be a bare `@0` (reproducible builds, fixture above).
 * Pasted tickets hold the other forms too:
 * - `uname -a` adds the host name after the kernel name and ends with the processor, hardware
 *   platform and operating system (`… x86_64 GNU/Linux`, test/fixtures/loose/this-machine/
 *   uname-a.txt; `x86_64 x86_64 x86_64 GNU/Linux` where the processor is known): the host name is
 *   the word before a release that starts with a digit, and trailing copies of the machine,
 *   `unknown` and the OS name are dropped.
 * - `uname -r` is the release alone (test/fixtures/loose/this-machine/uname-r.txt).
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';

export interface Uname {
  readonly line?: number;
  readonly text?: string;
  readonly kernelName?: string;
  /** Host name, when `uname -a` printed it. */
  readonly nodename?: string;
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

const RELEASE = /^\d{1,3}\.\d{1,3}[\w.+~-]{0,200}$/;

export function parseUname(text: string): Uname {
  const lines = splitLines(text).filter((l) => l.text.trim() !== '');
  const first = lines[0];
  if (!first) return { unparsed: [] };
  const extra = lines.slice(1);
  const f = fields(first.text);
  if (f.length === 1 && RELEASE.test(f[0] ?? '')) {
    const release = f[0] ?? '';
    return { line: first.line, text: first.text, release, ...(kernelMajorMinor(release) ?? {}), unparsed: extra };
  }
  if (f.length < 4) return { unparsed: lines };
  // uname -a: `Linux <host> <release> <version…> <machine> [<processor> <platform>] <os>`
  const withHost = !/^\d/.test(f[1] ?? '') && /^\d/.test(f[2] ?? '');
  const nodename = withHost ? f[1] : undefined;
  const rest = withHost ? [f[0] ?? '', ...f.slice(2)] : [...f];
  if (withHost) {
    if (rest[rest.length - 1] === 'GNU/Linux' || rest[rest.length - 1] === 'Linux') rest.pop();
    while (rest.length > 4 && (rest[rest.length - 1] === 'unknown' || rest[rest.length - 1] === rest[rest.length - 2])) rest.pop();
  }
  const release = rest[1] ?? '';
  const mm = kernelMajorMinor(release);
  return {
    line: first.line,
    text: first.text,
    kernelName: rest[0] ?? '',
    ...(nodename === undefined ? {} : { nodename }),
    release,
    version: rest.slice(2, -1).join(' '),
    machine: rest[rest.length - 1] ?? '',
    ...(mm ?? {}),
    unparsed: extra,
  };
}
