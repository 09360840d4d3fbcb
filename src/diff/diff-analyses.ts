/**
 * Before/after comparison of two analyses of the same host: which failing findings were fixed,
 * which are new, which remain, and what changed in the evidence that decides them — kernel
 * parameters, loaded modules, the driver of each device, IOMMU group membership.
 */
import type { Analysis } from '../analyze.js';
import type { Finding } from '../engine/finding.js';

export interface FindingKey {
  readonly ruleId: string;
  readonly subject: string;
  readonly severity: string;
  readonly message: string;
}

export interface Change {
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

export interface AnalysisDiff {
  readonly fixed: readonly FindingKey[];
  readonly introduced: readonly FindingKey[];
  readonly remaining: readonly FindingKey[];
  readonly nowDecided: readonly FindingKey[];
  readonly cmdline: { readonly added: readonly string[]; readonly removed: readonly string[] } | null;
  readonly modules: { readonly loaded: readonly string[]; readonly unloaded: readonly string[] } | null;
  readonly drivers: readonly Change[];
  readonly groups: readonly Change[];
}

const subjectOf = (f: Finding): string => (f.subject.kind === 'host' ? 'host' : f.subject.address);
const key = (f: Finding): string => `${f.ruleId}@${subjectOf(f)}`;
const toKey = (f: Finding): FindingKey => ({ ruleId: f.ruleId, subject: subjectOf(f), severity: f.severity, message: f.message });

export function diffAnalyses(before: Analysis, after: Analysis): AnalysisDiff {
  const failsBefore = new Map(before.findings.filter((f) => f.status === 'fail').map((f) => [key(f), f]));
  const failsAfter = new Map(after.findings.filter((f) => f.status === 'fail').map((f) => [key(f), f]));
  const unknownBefore = new Set(before.findings.filter((f) => f.status === 'unknown').map(key));
  return {
    fixed: [...failsBefore].filter(([k]) => !failsAfter.has(k)).map(([, f]) => toKey(f)),
    introduced: [...failsAfter].filter(([k]) => !failsBefore.has(k)).map(([, f]) => toKey(f)),
    remaining: [...failsAfter].filter(([k]) => failsBefore.has(k)).map(([, f]) => toKey(f)),
    nowDecided: after.findings.filter((f) => f.status !== 'unknown' && unknownBefore.has(key(f))).map(toKey),
    cmdline: cmdlineChange(before, after),
    modules: moduleChange(before, after),
    drivers: deviceChanges(before, after, (d) => d.driver ?? 'none'),
    groups: deviceChanges(before, after, (d) => d.group ?? 'none'),
  };
}

function cmdlineChange(a: Analysis, b: Analysis): AnalysisDiff['cmdline'] {
  if (a.facts.cmdline.state !== 'known' || b.facts.cmdline.state !== 'known') return null;
  const pa = a.facts.cmdline.value.params.map((p) => p.raw);
  const pb = b.facts.cmdline.value.params.map((p) => p.raw);
  return { added: pb.filter((p) => !pa.includes(p)), removed: pa.filter((p) => !pb.includes(p)) };
}

function moduleChange(a: Analysis, b: Analysis): AnalysisDiff['modules'] {
  if (a.facts.modules.state !== 'known' || b.facts.modules.state !== 'known') return null;
  const la = a.facts.modules.value.loaded;
  const lb = b.facts.modules.value.loaded;
  return { loaded: lb.filter((m) => !la.includes(m)), unloaded: la.filter((m) => !lb.includes(m)) };
}

type Dev = { readonly address: string; readonly driver: string | null; readonly group: string | null };

function deviceChanges(a: Analysis, b: Analysis, value: (d: Dev) => string): Change[] {
  if (a.facts.pci.state !== 'known' || b.facts.pci.state !== 'known') return [];
  const after = new Map(b.facts.pci.value.devices.map((d) => [d.address, d]));
  const changes: Change[] = [];
  for (const d of a.facts.pci.value.devices) {
    const n = after.get(d.address);
    const before = value(d);
    const now = n ? value(n) : 'device gone';
    if (before !== now) changes.push({ what: d.address, before, after: now });
  }
  for (const d of b.facts.pci.value.devices)
    if (!a.facts.pci.value.devices.some((x) => x.address === d.address))
      changes.push({ what: d.address, before: 'not present', after: value(d) });
  return changes;
}
