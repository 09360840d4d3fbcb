/**
 * One finding as the report shows it: its anchor (the id other parts of the report link to), its
 * subject named with the device's name, and every bundle-derived string passed through visibleText.
 * Shared by the report view (src/report/view-model.ts) and its Cloudpods section.
 */
import type { Finding } from '../engine/finding.js';
import type { PciDevice } from '../facts/model.js';
import { describeStep } from './fix-step-text.js';
import { visibleLine, visibleText } from './visible-text.js';

export interface EvidenceView {
  readonly source: string;
  readonly line: string;
  readonly text: string;
}
export interface FixView {
  readonly summary: string;
  readonly steps: readonly { readonly kind: string; readonly text: string; readonly command: string | null }[];
  readonly caveats: readonly string[];
}
export interface FindingView {
  readonly anchor: string;
  /** Set on the first finding of a rule, so `report.html#<rule-id>` lands on it. */
  readonly ruleAnchor: string | null;
  readonly ruleId: string;
  readonly title: string;
  readonly status: string;
  readonly severity: string;
  readonly label: string;
  readonly isFail: boolean;
  readonly subject: string;
  readonly message: string;
  readonly severityReason: string | null;
  readonly evidence: readonly EvidenceView[];
  readonly hasEvidence: boolean;
  readonly fix: FixView | null;
  readonly collect: readonly string[];
  readonly hasCollect: boolean;
  readonly doc: string | null;
}

/** The HTML id of a finding: its rule id, with the device address for a device finding. */
export function anchorFor(f: Pick<Finding, 'ruleId' | 'subject'>): string {
  return f.subject.kind === 'host' ? f.ruleId : `${f.ruleId}-${f.subject.address.replace(/[:.]/g, '-')}`;
}

/** `seenRule` and `usedAnchors` carry across the findings of one report, in report order. */
export function findingView(
  f: Finding,
  byAddress: ReadonlyMap<string, PciDevice>,
  docs: ReadonlyMap<string, string>,
  seenRule: Set<string>,
  usedAnchors: Map<string, number>,
): FindingView {
  // A rule may report one subject several times (one finding per misspelt key): the first keeps
  // the anchor that links elsewhere point at, the others get -2, -3, … so ids stay unique.
  const base = anchorFor(f);
  const n = (usedAnchors.get(base) ?? 0) + 1;
  usedAnchors.set(base, n);
  const anchor = n === 1 ? base : `${base}-${n}`;
  const ruleAnchor = !seenRule.has(f.ruleId) && anchor !== f.ruleId ? f.ruleId : null;
  seenRule.add(f.ruleId);
  const device = f.subject.kind === 'device' ? byAddress.get(f.subject.address) : undefined;
  // A device named only by the kernel log (a fault, a refused attach) may be gone from the inventory.
  const absent = f.subject.kind === 'device' && device === undefined && byAddress.size > 0 ? " (not in this bundle's PCI inventory)" : '';
  const subject = f.subject.kind === 'host' ? 'host' : `${f.subject.address}${device?.name ? ` ${visibleLine(device.name)}` : absent}`;
  return {
    anchor,
    ruleAnchor,
    ruleId: f.ruleId,
    title: f.title,
    status: f.status,
    severity: f.severity,
    label: f.status === 'fail' ? f.severity : f.status,
    isFail: f.status === 'fail',
    subject,
    message: visibleText(f.message),
    severityReason: f.severityReason ?? null,
    evidence: f.evidence.map((e) => ({
      source: visibleLine(e.source),
      line: e.line === undefined ? '' : String(e.line),
      text: visibleLine(e.text),
    })),
    hasEvidence: f.evidence.length > 0,
    fix: f.fix
      ? {
          summary: visibleText(f.fix.summary),
          steps: f.fix.steps.map((s) => {
            const d = describeStep(s);
            return { kind: s.kind, text: visibleText(d.text), command: d.command === null ? null : visibleText(d.command) };
          }),
          caveats: (f.fix.caveats ?? []).map(visibleText),
        }
      : null,
    collect: (f.collect ?? []).map(visibleText),
    hasCollect: (f.collect ?? []).length > 0,
    doc: docs.get(f.ruleId) ?? null,
  };
}
