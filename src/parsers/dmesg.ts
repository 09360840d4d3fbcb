/**
 * Kernel log (evidence ids `dmesg`, `journal-kernel`, `var-log-dmesg`, `kern-log`; sosreport's
 * sos_commands/kernel/dmesg; pasted kernel messages given as loose evidence).
 *
 * Sample: test/fixtures/dmesg/guide-grep-vfio.txt, lines 1–2 (verbatim):
 *   [ 0.329224] VFIO - User Level meta-driver version: 0.3
 *   [ 0.341372] vfio_pci: add [10de:13c2[ffff:ffff]] class 0x000000/00000000
 * Output: one record per line {line, text, message, time?, level?, kind}; `format`, the kind most
 * lines have; `firstMonotonic`, the first monotonic timestamp (a ring buffer whose first stamp is
 * far above 0 has rotated out the boot messages); `meta` for journal banner lines.
 *
 * Kinds of line, recognised with a few character tests per line and small anchored regexes on
 * short slices (the log may be 64 MB; no regex ever runs over a whole line):
 * - `monotonic`: `dmesg` — `[    0.000000] msg` (test/fixtures/dmesg/firecracker-6.18.txt); the
 *   seed guide's paste collapses the padding to `[ 0.329224]` (guide-grep-vfio.txt); `dmesg -d`
 *   adds the delta inside the brackets, `[    0.000000 <    0.000000>]`
 *   (test/fixtures/loose/this-machine/dmesg-d.txt); `journalctl -k -o short-monotonic` puts
 *   `host kernel: ` after the stamp and some syslog setups `kernel: ` alone
 *   (test/real-cases/cases/github-mrchromebox-firmware-458-dmar-ir-ioapic-firmware-bug/dmesg-dmar.txt);
 *   both are removed from the message.
 * - `ctime`: `dmesg -T` — `[Wed Nov 25 19:27:28 2026] msg` (firecracker-6.18-T.txt); no
 *   monotonic time can be read from these.
 * - `relative`: `dmesg -H` / `--time-format reltime` — `[Dec 4 21:50]` then `[  +0.000000]`,
 *   and `--time-format delta` — `[<    0.000000>]` (test/fixtures/loose/this-machine/dmesg-H.txt;
 *   a ticket's `[  +0.001779]`, test/real-cases/cases/github-kubevirt-kubevirt-8472-memlock-gpu):
 *   stamped, but no time since boot.
 * - `journal`: `journalctl -k` / kern.log short format — `Nov 25 10:00:00 host kernel: msg`, also
 *   with `-o short-precise` microseconds (`Jan 09 10:03:12.035211 host kernel: …`,
 *   test/real-cases/cases/github-harvester-harvester-7340-rmrr-hp-nic/journal-kernel.txt); a
 *   `[ 12.345]` stamp right after `kernel: ` (rsyslog setups that keep it) is read as monotonic.
 * - `iso`: `dmesg --time-format iso` / `journalctl -o short-iso` — `2024-11-25T10:00:00,…+00:00`.
 * - `raw`: anything else (/var/log/dmesg without stamps, continuation lines, a grep that lost the
 *   stamps). Mail-wrapped pastes put the tail of a long message on its own line
 *   (test/fixtures/dmesg/lkml-amd-vi-iommu-groups.txt, line 57); such lines are `raw` records with no time.
 * A `<N>` syslog prefix (`dmesg -r`, firecracker-6.18-r.txt) is removed and gives `level`
 * (N & 7), as does the facility:level prefix of `dmesg -x` (`kern  :info  : `,
 * test/fixtures/loose/this-machine/dmesg-x.txt), before the kinds above are tried. Pastes quoted
 * with indentation (a commit message's 4 spaces,
 * test/real-cases/cases/github-opencomputeproject-opennetworklinux-897-dmar-faults) and a capture
 * tool's own stamp before the kernel's (`2024-01-05 10:00:01 [   12.345678] msg`, a serial console
 * logger) are skipped when a kernel stamp follows. Journal banners such as `-- No entries --`
 * (firecracker-6.18-journalctl-k.txt) go to `meta`, not records.
 */
import { forEachLine, type SourceLine } from './lines.js';

export type DmesgLineKind = 'monotonic' | 'ctime' | 'relative' | 'journal' | 'iso' | 'raw';
export type DmesgFormat = DmesgLineKind | 'mixed' | 'empty';

export interface DmesgRecord {
  readonly line: number;
  /** Verbatim line. */
  readonly text: string;
  /** The message without timestamp, `<N>` prefix or `host kernel:` prefix. */
  readonly message: string;
  /** Seconds since boot, when the line carries a monotonic stamp. */
  readonly time?: number;
  /** Syslog level 0–7 from a `<N>` prefix. */
  readonly level?: number;
  readonly kind: DmesgLineKind;
}

export interface Dmesg {
  readonly format: DmesgFormat;
  readonly records: readonly DmesgRecord[];
  readonly firstMonotonic?: number;
  readonly meta: readonly SourceLine[];
  /** Always empty: every line is a message of some kind; kept for the common parser shape. */
  readonly unparsed: readonly SourceLine[];
}

const MONO = /^\s*\d{1,10}\.\d{1,9}\s*$/;
/** `dmesg -d`: `    0.000000 <    0.000000>`, the monotonic stamp and the delta to the line before. */
const MONO_DELTA = /^\s*(\d{1,10}\.\d{1,9}) <\s*\d{1,10}\.\d{1,9}>$/;
/** `dmesg -H` / `--time-format reltime` / `delta`: `  +0.000123`, `Dec 4 21:50`, `<    0.000000>`. */
const RELATIVE = /^(?:\s*\+\d{1,10}\.\d{1,9}|[A-Z][a-z]{2} ?\d{1,2} \d\d:\d\d(?::\d\d)?|<\s*\d{1,10}\.\d{1,9}>)$/;
const CTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;
const SYSLOG_DATE = /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d$/;
/** `dmesg -x`: facility and level names padded to a column, `kern  :info  : `. */
const FACILITY_LEVEL =
  /^(?:kern|user|mail|daemon|auth|syslog|lpr|news|uucp|cron|authpriv|ftp|local[0-7]) *:(emerg|alert|crit|err|warn|notice|info|debug) *: /;
const LEVEL_NAMES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
/** What a capture tool may print before the kernel's stamp: dates, times, zones, brackets. */
const CAPTURE_STAMP = /^[\d\s:.,/+TZ[\]-]{4,48}$/;
const MONTH_OR_DAY = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|UTC|CST|CET|CEST|PST|PDT|EST|EDT/g;
/** socklog/svlogd's `kern.info:` after its own stamp. */
const FACILITY_TAG = / kern\.[a-z]{3,7}:$/;
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^ ]{0,20}$/;

/** The kernel prints at most `[%5lu.%06lu]`; 40 chars covers ctime stamps with room to spare. */
const BRACKET_SCAN = 40;

function stripLevel(text: string): { rest: string; level?: number } {
  if (text.charCodeAt(0) !== 60) return { rest: text };
  const close = text.indexOf('>', 1);
  if (close < 2 || close > 5) return { rest: text };
  const n = Number(text.slice(1, close));
  if (!Number.isInteger(n) || n < 0) return { rest: text };
  return { rest: text.slice(close + 1), level: n & 7 };
}

/** Seconds of a `[    12.345678]` stamp (Number() skips the padding MONO allows). */
function monotonic(inner: string): number | undefined {
  return MONO.test(inner) ? Number(inner) : undefined;
}

function afterBracket(s: string, close: number): string {
  return s.charCodeAt(close + 1) === 32 ? s.slice(close + 2) : s.slice(close + 1);
}

/** `host kernel: msg` after a syslog or ISO date: returns msg, or undefined when not that shape. */
function afterKernelTag(s: string, from: number): string | undefined {
  if (s.startsWith('kernel: ', from)) return s.slice(from + 8);
  const sp = s.indexOf(' ', from);
  if (sp === -1 || sp - from > 255) return undefined;
  if (!s.startsWith('kernel: ', sp + 1)) return s.startsWith('kernel:', sp + 1) && s.length === sp + 8 ? '' : undefined;
  return s.slice(sp + 9);
}

/** One record; optional fields are set only when present (one shape per combination, no spreads: the log may hold a million lines). */
function record(
  line: number,
  text: string,
  message: string,
  kind: DmesgLineKind,
  time: number | undefined,
  level: number | undefined,
): DmesgRecord {
  const r: { -readonly [K in keyof DmesgRecord]: DmesgRecord[K] } = { line, text, message, kind };
  if (time !== undefined) r.time = time;
  if (level !== undefined) r.level = level;
  return r;
}

/** Leading blanks of a quoted paste (up to 16), skipped only when a stamp follows them. */
function indentOf(text: string): number {
  let i = 0;
  while (i < 16 && i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

/** `host kernel: msg` or `kernel: msg` after a short-monotonic stamp → msg; otherwise msg unchanged. */
function withoutKernelTag(msg: string): string {
  if (msg.startsWith('kernel: ')) return msg.slice(8);
  const sp = msg.indexOf(' ');
  return sp > 0 && sp <= 64 && msg.startsWith('kernel: ', sp + 1) ? msg.slice(sp + 9) : msg;
}

/** A record when `s` starts with a kernel stamp in brackets; undefined otherwise. */
function bracketRecord(line: number, text: string, s: string, level: number | undefined): DmesgRecord | undefined {
  if (s.charCodeAt(0) !== 91) return undefined;
  const close = s.indexOf(']', 1);
  if (close <= 0 || close >= BRACKET_SCAN) return undefined;
  const inner = s.slice(1, close);
  const t = monotonic(inner) ?? monotonicOfDelta(inner);
  if (t !== undefined) return record(line, text, withoutKernelTag(afterBracket(s, close)), 'monotonic', t, level);
  if (CTIME.test(inner)) return record(line, text, afterBracket(s, close), 'ctime', undefined, level);
  if (RELATIVE.test(inner)) return record(line, text, afterBracket(s, close), 'relative', undefined, level);
  return undefined;
}

function monotonicOfDelta(inner: string): number | undefined {
  const m = MONO_DELTA.exec(inner);
  return m ? Number(m[1]) : undefined;
}

/** Where a capture tool's stamp ends and the kernel's `[` begins, or -1. */
function captureStampEnd(s: string): number {
  const open = s.indexOf(' [', 3);
  if (open === -1 || open > 48) return -1;
  const prefix = s.slice(0, open).replace(FACILITY_TAG, '').replace(MONTH_OR_DAY, '0');
  return CAPTURE_STAMP.test(prefix) && /\d\d/.test(prefix) ? open + 1 : -1;
}

function classify(line: number, text: string): DmesgRecord {
  const indent = indentOf(text);
  let rest = indent > 0 ? text.slice(indent) : text;
  let level: number | undefined;
  if (rest.charCodeAt(0) === 60) {
    const stripped = stripLevel(rest);
    rest = stripped.rest;
    level = stripped.level;
  }
  // `dmesg -x` lines start with a facility name: lower-case letters (no slice or regex for the rest)
  const c0 = rest.charCodeAt(0);
  const fl = rest.length > 10 && c0 >= 97 && c0 <= 122 ? FACILITY_LEVEL.exec(rest.slice(0, 24)) : null;
  if (fl?.[1]) {
    level = LEVEL_NAMES.indexOf(fl[1]);
    rest = rest.slice(fl[0].length);
  }
  const stamped = bracketRecord(line, text, rest, level);
  if (stamped) return stamped;
  if (rest.length > 16 && SYSLOG_DATE.test(rest.slice(0, 15))) {
    let at = 15;
    if (rest.charCodeAt(at) === 46) {
      at += 1;
      while (at < 25 && rest.charCodeAt(at) >= 48 && rest.charCodeAt(at) <= 57) at++;
    }
    if (rest.charCodeAt(at) === 32) {
      const msg = afterKernelTag(rest, at + 1);
      if (msg !== undefined) return journalRecord(line, text, msg, level);
    }
  }
  if (rest.length > 20 && rest.charCodeAt(4) === 45 && rest.charCodeAt(10) === 84) {
    const sp = rest.indexOf(' ', 19);
    if (sp !== -1 && sp < 48 && ISO_DATE.test(rest.slice(0, sp))) {
      const msg = afterKernelTag(rest, sp + 1);
      return record(line, text, msg ?? rest.slice(sp + 1), 'iso', undefined, level);
    }
  }
  const capture = captureStampEnd(rest);
  if (capture > 0) {
    const kernel = bracketRecord(line, text, rest.slice(capture), level);
    if (kernel) return kernel;
  }
  // No stamp: the message is the line as given (only a `<N>` or `-x` prefix removed).
  if (indent > 0 && !fl) {
    const plain = stripLevel(text);
    return record(line, text, plain.rest, 'raw', undefined, plain.level);
  }
  return record(line, text, rest, 'raw', undefined, level);
}

function journalRecord(line: number, text: string, msg: string, level: number | undefined): DmesgRecord {
  if (msg.charCodeAt(0) === 91) {
    const close = msg.indexOf(']', 1);
    if (close > 0 && close < BRACKET_SCAN) {
      const t = monotonic(msg.slice(1, close));
      if (t !== undefined) return record(line, text, afterBracket(msg, close), 'journal', t, level);
    }
  }
  return record(line, text, msg, 'journal', undefined, level);
}

function isJournalBanner(text: string): boolean {
  return text.startsWith('-- ') && text.endsWith(' --');
}

/** One line read as the kernel log reads it (for recognising pasted text line by line). */
export function classifyDmesgLine(line: number, text: string): DmesgRecord {
  return classify(line, text);
}

export function parseDmesg(text: string): Dmesg {
  const records: DmesgRecord[] = [];
  const meta: SourceLine[] = [];
  const counts: Record<DmesgLineKind, number> = { monotonic: 0, ctime: 0, relative: 0, journal: 0, iso: 0, raw: 0 };
  let firstMonotonic: number | undefined;
  forEachLine(text, (line, lineText) => {
    if (lineText === '') return;
    if (isJournalBanner(lineText)) {
      meta.push({ line, text: lineText });
      return;
    }
    const r = classify(line, lineText);
    counts[r.kind] += 1;
    if (firstMonotonic === undefined && r.time !== undefined) firstMonotonic = r.time;
    records.push(r);
  });
  const format = decideFormat(counts, records.length);
  return { format, records, ...(firstMonotonic === undefined ? {} : { firstMonotonic }), meta, unparsed: [] };
}

/** The stamped kind most lines have; raw continuation lines do not make a log "mixed". */
function decideFormat(counts: Record<DmesgLineKind, number>, total: number): DmesgFormat {
  if (total === 0) return 'empty';
  const stamped = (['monotonic', 'ctime', 'relative', 'journal', 'iso'] as const).filter((k) => counts[k] > 0);
  if (stamped.length === 0) return 'raw';
  if (stamped.length > 1) return 'mixed';
  return stamped[0] ?? 'raw';
}

/** Records whose message contains `needle` (plain substring, case-sensitive). */
export function findMessages(dmesg: Pick<Dmesg, 'records'>, needle: string): DmesgRecord[] {
  return dmesg.records.filter((r) => r.message.includes(needle));
}
