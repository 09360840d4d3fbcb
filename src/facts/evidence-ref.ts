/**
 * From Evidence to the two things facts need from it: references to cited lines, and, when it
 * could not be read, an unknown that says why and what to collect.
 */
import type { Evidence } from '../evidence/evidence.js';
import { ref, unknown, type EvidenceRef, type UnknownFact } from './fact.js';

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
