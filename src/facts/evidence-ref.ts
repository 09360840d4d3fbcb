/**
 * From Evidence to the two things facts need from it: references to cited lines, and, when it
 * could not be read, an unknown that says why and what to collect.
 */
import type { Evidence } from '../evidence/evidence.js';
import type { SourceLine } from '../parsers/lines.js';
import { ref, unknown, type EvidenceGap, type EvidenceRef, type UnknownFact } from './fact.js';

export function refTo(ev: Evidence, at: { readonly line?: number; readonly text?: string }): EvidenceRef {
  return ref(ev.id, ev.source, at.text ?? '', at.line);
}

/** A whole-file reference (for "this file exists and holds nothing relevant"). */
export function fileRef(ev: Evidence, note: string): EvidenceRef {
  return ref(ev.id, ev.source, note);
}

export function whyMissing(ev: Evidence): string {
  switch (ev.status) {
    case 'denied':
      return `${ev.source} could not be read (permission denied; the collector did not run as root)`;
    case 'no-command':
      return `${ev.source.split(' ')[0]} is not installed on the host`;
    case 'timeout':
      return `${ev.source} timed out on the host`;
    case 'error':
      return `${ev.source} failed on the host${ev.exitCode === undefined ? '' : ` (exit ${ev.exitCode})`}`;
    case 'absent':
      return `${ev.source} does not exist on the host`;
    case 'lost':
      return `${ev.source} is listed in the manifest but missing from the archive`;
    case 'not-collected':
      return `${ev.source} is not in the bundle`;
    case 'ok':
    case 'truncated':
      return `${ev.source} holds nothing usable`;
    default: {
      const never: never = ev.status;
      return never;
    }
  }
}

export function collectHint(ev: Evidence): string {
  const cmd = ev.source.startsWith('/') ? `cat ${ev.source}` : ev.source;
  return ev.status === 'denied' ? `sudo ${cmd}` : cmd;
}

export function unknownFrom(ev: Evidence, ...more: Evidence[]): UnknownFact {
  const all = [ev, ...more];
  return unknown(all.map(whyMissing).join('; '), all.map(collectHint));
}

/**
 * The gap an input leaves when it was not collected whole: cut, denied, lost, failed or never
 * collected. `ok` and `absent` (known not to exist on the host) leave none.
 */
export function gapOf(ev: Evidence): EvidenceGap | null {
  switch (ev.status) {
    case 'ok':
    case 'absent':
      return null;
    case 'truncated':
      return { source: ev.source, why: 'is cut (only part of it is in the bundle)', collect: [collectHint(ev)] };
    case 'not-collected':
      return { source: ev.source, why: 'was not collected', collect: [collectHint(ev)] };
    case 'denied':
      return { source: ev.source, why: 'could not be read (permission denied)', collect: [collectHint(ev)] };
    case 'no-command':
      return { source: ev.source, why: 'could not run (the command is not installed)', collect: [collectHint(ev)] };
    case 'timeout':
      return { source: ev.source, why: 'timed out on the host', collect: [collectHint(ev)] };
    case 'error':
      return {
        source: ev.source,
        why: `failed on the host${ev.exitCode === undefined ? '' : ` (exit ${ev.exitCode})`}`,
        collect: [collectHint(ev)],
      };
    case 'lost':
      return { source: ev.source, why: 'is listed in the manifest but missing from the archive', collect: [collectHint(ev)] };
    default: {
      const never: never = ev.status;
      return never;
    }
  }
}

/** The gaps of several inputs (those collected whole leave none). */
export function gapsIn(...evs: readonly Evidence[]): EvidenceGap[] {
  return evs.map(gapOf).filter((g): g is EvidenceGap => g !== null);
}

const SHOWN_UNREAD_LINES = 5;

/** Lines a parser could not read: what they say may change the fact, so they are a gap. */
export function unreadLines(ev: Evidence, unparsed: readonly SourceLine[]): EvidenceGap[] {
  if (unparsed.length === 0) return [];
  const n = unparsed.length;
  return [
    {
      source: ev.source,
      why: `has ${n} line${n === 1 ? '' : 's'} that could not be read`,
      collect: [collectHint(ev)],
      lines: unparsed.slice(0, SHOWN_UNREAD_LINES).map((l) => refTo(ev, l)),
    },
  ];
}
