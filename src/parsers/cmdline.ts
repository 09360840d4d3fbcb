/**
 * Kernel command line (evidence id `cmdline`, /proc/cmdline), also any kernel command-line string
 * such as the `linux` line of grub.cfg or a BLS `options` value.
 *
 * Sample: test/fixtures/cmdline/guide-proc-cmdline.txt, line 1 (verbatim):
 *   BOOT_IMAGE=/vmlinuz-5.4.130-1.yn20221208.el7.x86_64 root=UUID=6f96c2be-434d-405e-9b46-ba8877f2a0a9 ro rhgb crashkernel=auto rdblacklist=nouveau hugepagesz=1G vfio_iommu_type1.allow_unsafe_interrupts=1 intel_iommu=on quiet iommu=pt nouveau.modeset=0 net.ifnames=0 default_hugepagesz=1G biosdevnames=0
 * Output: every kernel parameter in order ({index, key, value|null, raw, normKey, line}), the
 * arguments after `--` (passed to init, not the kernel), and `unparsed` for further lines.
 * Look parameters up with the pure helpers getParam (last occurrence wins, as for the kernel's
 * own __setup handlers and module parameters) and getAllParams.
 *
 * Splitting follows next_arg() in the kernel's lib/cmdline.c: whitespace separates parameters,
 * a double quote toggles quoting anywhere in the word (`"a b"=c`, `k="a b"`), the first `=`
 * splits key from value, the quotes around a value are removed, and there is no escaping.
 * parse_args() stops at a bare `--`; what follows goes to init.
 *
 * Quirks:
 * - the same key may appear several times: test/fixtures/cmdline/firecracker-6.18.txt has
 *   `tsc=reliable … tsc=unstable`; getParam returns the last, getAllParams all of them.
 * - `--` ends the kernel's parameters (same fixture: `-- --firecracker-init --addr …`).
 * - module parameters (`module.param`) compare with `-` and `_` alike ("Hyphens and underscores
 *   equivalent in parameter names", lib/cmdline.c), so `vfio-pci.ids` and `vfio_pci.ids` share
 *   normKey `vfio_pci.ids`. Keys without a dot (`intel_iommu`) are matched by __setup() with an
 *   exact prefix compare, so they are not normalised.
 * - BOOT_IMAGE is added by GRUB, not the kernel, and is kept like any other parameter
 *   (test/fixtures/cmdline/guide-proc-cmdline.txt).
 * - a value may itself contain `=` (`root=UUID=…`, test/fixtures/cmdline/asokolsky-duo-truenas.txt).
 * - a command line longer than MAX_CMDLINE_CHARS is read up to the last blank before that length and
 *   marked `cut`: the kernel keeps at most COMMAND_LINE_SIZE bytes (2,048 on x86 and arm64,
 *   arch/x86/include/asm/setup.h), so more is not a real command line, and 1 MiB of tabs between
 *   one-letter words would be half a million parameters to compare.
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface CmdlineParam {
  /** 0-based position among the kernel parameters. */
  readonly index: number;
  /** Key as written (quotes removed). */
  readonly key: string;
  /** Value with surrounding quotes removed; null for a bare flag such as `quiet`. */
  readonly value: string | null;
  /** The word exactly as it appeared on the line. */
  readonly raw: string;
  /** Key used for comparisons: module parameters with `-` replaced by `_`. */
  readonly normKey: string;
  readonly line: number;
}

export interface Cmdline {
  /** The line the parameters came from (verbatim), or '' when the input was empty. */
  readonly text: string;
  readonly line: number;
  readonly params: readonly CmdlineParam[];
  /** Words after a bare `--` (arguments for init). */
  readonly initArgs: readonly string[];
  readonly unparsed: readonly UnparsedLine[];
  /** Present when the line was longer than MAX_CMDLINE_CHARS: only the words before the cut were read. */
  readonly cut?: true;
}

/** The most of one command line that is read (32 times the kernel's own limit on x86 and arm64). */
export const MAX_CMDLINE_CHARS = 64 * 1024;

/** `vfio-pci.ids` → `vfio_pci.ids`; keys without a module prefix stay as written. */
export function normalizeParamKey(key: string): string {
  return key.includes('.') ? key.replaceAll('-', '_') : key;
}

interface Word {
  readonly raw: string;
  readonly key: string;
  readonly value: string | null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 11 || c === 12 || c === 13;
}

/** One pass over the string; mirrors next_arg() of lib/cmdline.c. */
function splitWords(s: string): Word[] {
  const out: Word[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let quoted = false;
    let inQuote = false;
    if (s.charCodeAt(i) === 34) {
      quoted = true;
      inQuote = true;
      i++;
    }
    const body = i;
    let equals = -1;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (isSpace(c) && !inQuote) break;
      if (equals === -1 && c === 61) equals = i;
      if (c === 34) inQuote = !inQuote;
    }
    const end = i;
    const raw = s.slice(start, end);
    const lastIsQuote = end > body && s.charCodeAt(end - 1) === 34;
    let key: string;
    let value: string | null;
    if (equals === -1) {
      key = s.slice(body, quoted && lastIsQuote ? end - 1 : end);
      value = null;
    } else {
      key = s.slice(body, equals);
      let vStart = equals + 1;
      let vEnd = end;
      if (vStart < vEnd && s.charCodeAt(vStart) === 34) {
        vStart++;
        if (lastIsQuote && vEnd - 1 >= vStart) vEnd--;
      } else if (quoted && lastIsQuote) {
        vEnd--;
      }
      value = s.slice(vStart, Math.max(vStart, vEnd));
    }
    out.push({ raw, key, value });
  }
  return out;
}

/**
 * `s` up to MAX_CMDLINE_CHARS, ending at a blank so that no word is read cut (one word longer than
 * that is cut where the limit falls); null when it is not longer.
 */
function cutCommandLine(s: string): string | null {
  if (s.length <= MAX_CMDLINE_CHARS) return null;
  for (let i = MAX_CMDLINE_CHARS; i > 0; i -= 1) if (isSpace(s.charCodeAt(i))) return s.slice(0, i);
  return s.slice(0, MAX_CMDLINE_CHARS);
}

export function parseCmdlineString(s: string, line = 1): Pick<Cmdline, 'params' | 'initArgs' | 'cut'> {
  const cut = cutCommandLine(s);
  const words = splitWords(cut ?? s);
  const params: CmdlineParam[] = [];
  const initArgs: string[] = [];
  let afterDashes = false;
  for (const w of words) {
    if (afterDashes) {
      initArgs.push(w.raw);
      continue;
    }
    if (w.value === null && w.key === '--' && w.raw === '--') {
      afterDashes = true;
      continue;
    }
    params.push({ index: params.length, key: w.key, value: w.value, raw: w.raw, normKey: normalizeParamKey(w.key), line });
  }
  return cut === null ? { params, initArgs } : { params, initArgs, cut: true };
}

/** /proc/cmdline holds one line; any further non-empty line is reported as unparsed. */
export function parseCmdline(text: string): Cmdline {
  const lines = splitLines(text);
  const first = lines.find((l) => l.text.trim() !== '');
  if (!first) return { text: '', line: 1, params: [], initArgs: [], unparsed: [] };
  const unparsed = lines.filter((l) => l.line > first.line && l.text.trim() !== '');
  const { params, initArgs, cut } = parseCmdlineString(first.text, first.line);
  return { text: first.text, line: first.line, params, initArgs, unparsed, ...(cut ? { cut } : {}) };
}

/** All occurrences of a key, in order (module parameters match with `-` and `_` alike). */
export function getAllParams(cmdline: Pick<Cmdline, 'params'>, key: string): CmdlineParam[] {
  const k = normalizeParamKey(key);
  return cmdline.params.filter((p) => p.normKey === k);
}

/** The occurrence that takes effect: the last one. */
export function getParam(cmdline: Pick<Cmdline, 'params'>, key: string): CmdlineParam | undefined {
  const all = getAllParams(cmdline, key);
  return all[all.length - 1];
}
