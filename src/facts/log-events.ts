/**
 * The logs as events, read once: every line of the kernel log, the VMs' QEMU logs and the
 * Cloudpods host service's log is classified against the message catalogue (src/log-catalog),
 * and each match becomes an event with the device, group, parameter or module the line names.
 * Rules read events, never raw log text.
 *
 * A flood (hundreds of thousands of DMA faults from one device) stays one event per message,
 * device and subject, with a count and its first few lines. A line that matches nothing known but
 * names a target device, vfio or the IOMMU is kept as unexplained, never dropped.
 */
import { classifyLogLine, type LogFault, type LogMatch, type LogOrigin } from '../log-catalog/index.js';
import { normalizePciAddress } from '../parsers/pci-address.js';
import { known, unknown, type EvidenceGap, type EvidenceRef, type Fact } from './fact.js';
import { logRef } from './kernel-log.js';
import type { CloudpodsFacts, KernelLogFacts, PciFacts, TargetFacts } from './model.js';

export interface LogEvent {
  /** The catalogue entry's id. */
  readonly id: string;
  readonly fault: LogFault;
  readonly origin: LogOrigin;
  /** What the line proves (the catalogue's words). */
  readonly meaning: string;
  /** The PCI address the line names, normalised (`0000:bb:dd.f`); null when it names none. */
  readonly device: string | null;
  /** The other groups the pattern captured, as printed. */
  readonly group: string | null;
  readonly param: string | null;
  readonly module: string | null;
  readonly value: string | null;
  readonly bar: string | null;
  readonly errno: string | null;
  readonly vfs: string | null;
  /** How many lines the event stands for (a flood is one event). */
  readonly count: number;
  /** The first lines (at most MAX_REFS). */
  readonly refs: readonly EvidenceRef[];
}

export interface ClassifiedLogs {
  readonly events: readonly LogEvent[];
  /** Unmatched lines that name the IOMMU, vfio or a PCI address (the first MAX_CANDIDATES). */
  readonly candidates: readonly { readonly message: string; readonly ref: EvidenceRef }[];
  readonly unmatched: number;
  /** Lines a logger marked error or fatal that match nothing known (the first MAX_UNEXPLAINED). */
  readonly unmatchedErrors: { readonly count: number; readonly lines: readonly EvidenceRef[] };
  readonly sources: readonly string[];
}

export interface LogEventFacts {
  readonly events: readonly LogEvent[];
  /**
   * Lines that name a target device, vfio or the IOMMU, match nothing known and speak of a failure
   * (failed, error, unable, cannot, refused, invalid, denied, timed out, bug, broken — not "not a
   * bug"): the first MAX_UNEXPLAINED.
   */
  readonly unexplained: readonly EvidenceRef[];
  /** How many lines name them and match nothing known (among the first MAX_CANDIDATES unmatched lines that name an address or the IOMMU), failing or not. */
  readonly unexplainedCount: number;
  /** The logs that were read, as the user recognises them. */
  readonly sources: readonly string[];
  /** Lines a logger marked error or fatal that match nothing known (the first MAX_UNEXPLAINED). */
  readonly unmatchedErrors: { readonly count: number; readonly lines: readonly EvidenceRef[] };
}

const MAX_REFS = 3;
const MAX_UNEXPLAINED = 50;

const FAILURE = /\b(?:fail(?:ed|ure|s)?|errors?|unable|cannot|can't|refus(?:ed|es)|invalid|denied|timed out|timeout|bug|broken)\b/i;
// "... not available on this system - This is not a bug." (AMD-Vi) and the like deny what they name.
const DENIED = /\bnot an? (?:bug|error|failure)\b/gi;
const speaksOfFailure = (message: string): boolean => FAILURE.test(message.replace(DENIED, ''));
/** Faults that come in floods whose lines differ only in addresses: one event per device. */
const FLOODS: ReadonlySet<LogFault> = new Set<LogFault>(['dma-fault', 'interrupt-remap-fault', 'aer-nonfatal']);
const MENTIONS = /vfio|iommu|dmar|amd-vi|smmu/i;
const ANY_ADDRESS = /[\da-f]{2}:[\da-f]{2}\.[0-7]/i;
const MAX_CANDIDATES = 2000;

interface LogLine {
  readonly message: string;
  readonly ref: EvidenceRef;
  /** The logger's level, where the log has one (the host service's `[error …]`). */
  readonly level?: string | null;
}

/**
 * One log as the classifier walks it: its lines by index, and the evidence reference of a line made
 * only when the line is kept (an event's first lines, a candidate, an error line) — a flooded log
 * has hundreds of thousands of lines and keeps a few.
 */
interface LogStream {
  readonly source: string;
  readonly size: number;
  message(i: number): string;
  level(i: number): string | null;
  ref(i: number): EvidenceRef;
}

function streamOf(source: string, lines: readonly LogLine[]): LogStream {
  return {
    source,
    size: lines.length,
    message: (i) => lines[i]!.message,
    level: (i) => lines[i]!.level ?? null,
    ref: (i) => lines[i]!.ref,
  };
}

/**
 * First stage, before the PCI inventory exists: every line classified once. Devices are as printed
 * (`01:00.0` becomes `0000:01:00.0` here and is placed in its real domain by resolveLogEvents).
 * Unmatched lines that name the IOMMU, vfio or any PCI address are kept (up to MAX_CANDIDATES)
 * until the targets are known.
 */
export function classifyLogs(kernelLog: Fact<KernelLogFacts>, cloudpods: Fact<CloudpodsFacts>): Fact<ClassifiedLogs> {
  const streams: LogStream[] = [];
  const gaps: EvidenceGap[] = [];
  if (kernelLog.state === 'known') {
    const log = kernelLog.value;
    streams.push({
      source: log.source,
      size: log.lines.length,
      message: (i) => log.lines[i]!.message,
      level: () => null,
      ref: (i) => logRef(log, log.lines[i]!),
    });
    gaps.push(...kernelLog.gaps);
  } else gaps.push({ source: 'the kernel log', why: `was not collected (${kernelLog.reason})`, collect: kernelLog.collect });
  if (cloudpods.state === 'known') {
    const cp = cloudpods.value;
    if (cp.qemuLog) {
      streams.push(streamOf('QEMU logs', cp.qemuLog.lines));
      gaps.push(...cp.qemuLog.gaps);
    }
    if (cp.log) streams.push(streamOf('host service log', cp.log));
  }
  if (streams.length === 0)
    return unknown(kernelLog.state === 'unknown' ? kernelLog.reason : 'no log was collected', ['sudo dmesg', 'journalctl -k -b']);
  const events = new Map<string, { event: LogEvent; refs: EvidenceRef[]; count: number }>();
  const addresses = new Map<string, string | null>();
  const last: LastMatch = { match: null, hit: null };
  const candidates: LogLine[] = [];
  let unmatched = 0;
  let first: EvidenceRef | null = null;
  let unmatchedErrors = 0;
  const errorLines: EvidenceRef[] = [];
  for (const stream of streams) {
    for (let i = 0; i < stream.size; i += 1) {
      const message = stream.message(i);
      first ??= stream.ref(i);
      const matches = classifyLogLine(plainQuotes(message));
      for (const m of matches) add(events, addresses, last, m, stream, i);
      const level = stream.level(i);
      if (matches.length === 0 && (level === 'error' || level === 'fatal')) {
        unmatchedErrors += 1;
        if (errorLines.length < MAX_UNEXPLAINED) errorLines.push(stream.ref(i));
      }
      if (matches.length > 0 || !(MENTIONS.test(message) || ANY_ADDRESS.test(message))) continue;
      unmatched += 1;
      if (candidates.length < MAX_CANDIDATES) candidates.push({ message, ref: stream.ref(i) });
    }
  }
  // Logs that were collected but hold no line (an empty QEMU log directory) say nothing without the kernel log.
  if (kernelLog.state === 'unknown' && first === null) return kernelLog;
  return known(
    {
      events: [...events.values()].map((e) => ({ ...e.event, count: e.count, refs: e.refs })),
      candidates,
      unmatched,
      unmatchedErrors: { count: unmatchedErrors, lines: errorLines },
      sources: streams.map((s) => s.source),
    },
    kernelLog.state === 'known' ? kernelLog.evidence : first === null ? [] : [first],
    gaps,
  );
}

/**
 * Second stage: devices printed without their domain (QEMU's host=, Intel's fault lines) placed in
 * the one domain the inventory has them in; unexplained lines are those that name the IOMMU, vfio
 * or a target device.
 */
export function resolveLogEvents(classified: Fact<ClassifiedLogs>, pci: Fact<PciFacts>, targets: Fact<TargetFacts>): Fact<LogEventFacts> {
  if (classified.state === 'unknown') return classified;
  const c = classified.value;
  const byShort = new Map<string, string>();
  if (pci.state === 'known')
    for (const d of pci.value.devices) if (!byShort.has(d.address.slice(-7))) byShort.set(d.address.slice(-7), d.address);
  const place = (device: string | null): string | null =>
    device !== null && device.startsWith('0000:') ? (byShort.get(device.slice(5)) ?? device) : device;
  const targetShorts = targets.state === 'known' ? targets.value.devices.map((t) => t.address.slice(-7)) : [];
  const named = c.candidates.filter((l) => MENTIONS.test(l.message) || targetShorts.some((t) => l.message.includes(t)));
  return known(
    {
      events: c.events.map((e) => (e.device === null ? e : { ...e, device: place(e.device) })),
      unexplained: named
        .filter((l) => speaksOfFailure(l.message))
        .slice(0, MAX_UNEXPLAINED)
        .map((l) => l.ref),
      unexplainedCount: named.length,
      sources: c.sources,
      unmatchedErrors: c.unmatchedErrors,
    },
    classified.evidence,
    classified.gaps,
  );
}

/** The match before, and its event: a flood's lines follow one another and differ only in what its key leaves out. */
interface LastMatch {
  match: LogMatch | null;
  hit: { refs: EvidenceRef[]; count: number } | null;
}

/** Whether `m` falls in the same event as `before` (the fields of the event key, compared as printed). */
function sameEvent(m: LogMatch, before: LogMatch | null): boolean {
  if (before === null || before.entry !== m.entry) return false;
  const a = m.groups;
  const b = before.groups;
  if (a.device !== b.device || a.group !== b.group || a.param !== b.param || a.module !== b.module || a.bar !== b.bar || a.vfs !== b.vfs)
    return false;
  return FLOODS.has(m.entry.fault) || (a.value === b.value && a.errno === b.errno);
}

/** One match into its event; `addresses` remembers each printed device's normal form (a flood prints a few addresses many times). */
function add(
  events: Map<string, { event: LogEvent; refs: EvidenceRef[]; count: number }>,
  addresses: Map<string, string | null>,
  last: LastMatch,
  m: LogMatch,
  stream: LogStream,
  i: number,
): void {
  const hitBefore = sameEvent(m, last.match) ? last.hit : null;
  last.match = m;
  if (hitBefore !== null) {
    hitBefore.count += 1;
    if (hitBefore.refs.length < MAX_REFS) hitBefore.refs.push(stream.ref(i));
    return;
  }
  const g = m.groups;
  let device: string | null = null;
  if (g.device !== undefined) {
    const known = addresses.get(g.device);
    device = known !== undefined ? known : printedAddress(g.device);
    if (known === undefined && addresses.size < 10_000) addresses.set(g.device, device);
  }
  const flood = FLOODS.has(m.entry.fault);
  const S = '\u0000';
  const key = `${m.entry.id}${S}${device ?? ''}${S}${g.group ?? ''}${S}${g.param ?? ''}${S}${g.module ?? ''}${S}${g.bar ?? ''}${S}${g.vfs ?? ''}${S}${flood ? '' : (g.value ?? '')}${S}${flood ? '' : (g.errno ?? '')}`;
  const hit = events.get(key);
  last.hit = hit ?? null;
  if (hit) {
    hit.count += 1;
    if (hit.refs.length < MAX_REFS) hit.refs.push(stream.ref(i));
    return;
  }
  const event: LogEvent = {
    id: m.entry.id,
    fault: m.entry.fault,
    origin: m.entry.origin,
    meaning: m.entry.meaning,
    device,
    group: g.group ?? null,
    param: g.param ?? null,
    module: g.module ?? null,
    value: g.value ?? null,
    bar: g.bar ?? null,
    errno: g.errno ?? null,
    vfs: g.vfs ?? null,
    count: 1,
    refs: [],
  };
  const entry = { event, refs: [stream.ref(i)], count: 1 };
  events.set(key, entry);
  last.hit = entry;
}

/** A printed device as a PCI address (`01:00.0`, `[0x01:0x00.0]` → `0000:01:00.0`); a platform device name is none. */
function printedAddress(printed: string | undefined): string | null {
  if (printed === undefined) return null;
  return normalizePciAddress(printed.replace(/^\[|\]$/g, '').replace(/0x/gi, '')) ?? null;
}

/** Events of some faults, optionally about one device. */
export function eventsOf(facts: LogEventFacts, faults: readonly LogFault[], device?: string): LogEvent[] {
  return facts.events.filter((e) => faults.includes(e.fault) && (device === undefined || e.device === device));
}

/** Events about one device (or, `device` null, lines that name none), merged: how many lines in all and the first few. */
export interface DeviceEvents {
  readonly device: string | null;
  readonly count: number;
  readonly refs: readonly EvidenceRef[];
  readonly events: readonly LogEvent[];
}

/** Events grouped by the device they name; lines that name no device form one group with `device` null. */
export function byDevice(events: readonly LogEvent[]): DeviceEvents[] {
  const out = new Map<string | null, { count: number; refs: EvidenceRef[]; events: LogEvent[] }>();
  for (const e of events) {
    const d = out.get(e.device) ?? { count: 0, refs: [], events: [] };
    d.count += e.count;
    for (const r of e.refs) if (d.refs.length < MAX_REFS) d.refs.push(r);
    d.events.push(e);
    out.set(e.device, d);
  }
  return [...out].map(([device, d]) => ({ device, ...d }));
}

/** The outcome subject of a device's events: the device, or the host when the lines name none. */
export function subjectOf(d: Pick<DeviceEvents, 'device'>): { device: string } | Record<string, never> {
  return d.device === null ? {} : { device: d.device };
}

/** Text pasted through a web page or chat often has typographic quotes (`can’t`); the kernel prints ASCII ones. */
function plainQuotes(message: string): string {
  return /[\u2018\u2019\u201c\u201d]/.test(message) ? message.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"') : message;
}
