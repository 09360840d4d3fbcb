/**
 * The kernel log of this boot, from the best source the bundle holds: `dmesg`, then
 * `journalctl -k -b`, then /var/log/dmesg, then /var/log/kern.log (which spans several boots:
 * only the part after the last "Linux version" line belongs to this boot).
 *
 * `hasBootMessages` says whether firmware-era messages (ACPI table list, DMAR/AMD-Vi setup) can
 * still be in it: a ring buffer that starts at [3712.4] lost them, and their absence proves nothing.
 */
import type { Evidence } from '../evidence/evidence.js';
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseDmesg, type DmesgRecord } from '../parsers/dmesg.js';
import { known, ref, unknown, type EvidenceGap, type EvidenceRef, type Fact } from './fact.js';
import { refTo, whyMissing } from './evidence-ref.js';
import type { KernelLogFacts, KernelLogLine } from './model.js';

const SOURCES = ['dmesg', 'journal-kernel', 'var-log-dmesg', 'kern-log'] as const;

export function buildKernelLog(ev: EvidenceSource): Fact<KernelLogFacts> {
  const tried: Evidence[] = [];
  for (const id of SOURCES) {
    const e = ev.one(id);
    tried.push(e);
    if (!hasText(e) || e.text.trim() === '') continue;
    const parsed = parseDmesg(e.text);
    if (parsed.records.length === 0) continue;
    const records = thisBoot(parsed.records);
    const first = records[0];
    const startsWithBanner = records.some((r, i) => i < 50 && r.message.startsWith('Linux version '));
    const firstTime = parsed.firstMonotonic ?? null;
    // Only the banner proves the log starts at boot: a grep of a log also starts at [0.0…] but holds a
    // few lines only (test/real-cases/cases/github-samuraisepic-vfio-gpu-passthrough-rtx2060-b550-healthy).
    const hasBootMessages = startsWithBanner;
    // The parsed records are the lines: no copy of a log that can hold hundreds of thousands.
    const lines: readonly KernelLogLine[] = records;
    const truncated = e.status === 'truncated';
    const gaps: EvidenceGap[] = [];
    if (truncated) gaps.push({ source: e.source, why: 'is cut (only part of the kernel log is in the bundle)', collect: FULL_LOG_COLLECT });
    if (!hasBootMessages)
      gaps.push({ source: e.source, why: 'no longer holds the boot messages (the ring buffer wrapped)', collect: FULL_LOG_COLLECT });
    return known({ evidence: e.id, source: e.source, hasBootMessages, firstTime, truncated, lines }, first ? [refTo(e, first)] : [], gaps);
  }
  return unknown(`no kernel log: ${tried.map(whyMissing).join('; ')}`, ['sudo dmesg', 'journalctl -k -b']);
}

function thisBoot(records: readonly DmesgRecord[]): readonly DmesgRecord[] {
  let start = 0;
  for (let i = records.length - 1; i >= 0; i -= 1) {
    if ((records[i] as DmesgRecord).message.startsWith('Linux version ')) {
      start = i;
      break;
    }
  }
  return start === 0 ? records : records.slice(start);
}

/** Lines whose message contains any of the needles (plain substring search, linear time). */
export function logLines(log: KernelLogFacts, ...needles: string[]): KernelLogLine[] {
  return log.lines.filter((l) => needles.some((n) => l.message.includes(n)));
}

/**
 * Whether a message missing from this log was really not printed: the log must still start at boot
 * and must not have been cut (the collector keeps the head and tail of a long log; the reader keeps
 * the first 16 MiB). Rules that pass on an absence ask this first and are unknown otherwise.
 */
export function logShowsAbsence(log: KernelLogFacts): boolean {
  return log.hasBootMessages && !log.truncated;
}

/** What to collect for a complete kernel log of this boot. */
export const FULL_LOG_COLLECT: readonly string[] = ['journalctl -k -b --no-pager', 'sudo dmesg'];

/** The evidence reference of one kernel-log line (the one builder every fact and rule uses), its text capped by ref(). */
export function logRef(log: KernelLogFacts, line: Pick<KernelLogLine, 'line' | 'text'>): EvidenceRef {
  return ref(log.evidence, log.source, line.text, line.line);
}
