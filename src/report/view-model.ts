/**
 * Analysis → ReportView: everything the HTML and Markdown templates show, computed here so the
 * templates only iterate and branch on booleans. Every bundle-derived string passes through
 * visibleText; escaping for the output format is the template's job.
 */
import type { Analysis } from '../analyze.js';
import type { Finding } from '../engine/finding.js';
import { severityRank } from '../engine/finding.js';
import type { PciDevice } from '../facts/model.js';
import { isVfioDriver } from '../facts/pci.js';
import { boardRow, type BoardRow } from './board.js';
import { cloudpodsSection, type CloudpodsSectionView } from './cloudpods-section.js';
import { buildFixPlan, type FixPlan } from './fix-plan.js';
import { describeStep } from './fix-step-text.js';
import { hostRows } from './host-rows.js';
import { inputsView, type InputsView } from './inputs-view.js';
import { buildTopology, type TopologyView } from './topology.js';
import { visibleLine, visibleText } from './visible-text.js';

export type { BoardRow } from './board.js';

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
export interface ReportView {
  readonly title: string;
  readonly generatedAt: string;
  readonly toolVersion: string;
  readonly bundle: {
    readonly source: string;
    readonly collector: string;
    readonly collectedAt: string;
    readonly redacted: boolean;
    readonly lost: string | null;
    readonly manifestProblem: string | null;
    readonly skipped: readonly { readonly name: string; readonly reason: string }[];
    readonly hasSkipped: boolean;
  };
  readonly host: readonly { readonly label: string; readonly value: string }[];
  readonly verdict: { readonly kind: 'blocked' | 'attention' | 'ready' | 'unknown'; readonly text: string };
  readonly counts: {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly unknowns: number;
    readonly passes: number;
  };
  readonly board: readonly BoardRow[];
  readonly hasBoard: boolean;
  readonly boardIsCandidates: boolean;
  readonly problems: readonly FindingView[];
  readonly unknowns: readonly FindingView[];
  readonly passes: readonly FindingView[];
  readonly skips: readonly FindingView[];
  readonly collect: readonly string[];
  readonly plan: FixPlan;
  /** The host service's checks on a Cloudpods host; null on other hosts. */
  readonly cloudpods: CloudpodsSectionView | null;
  /** Loose evidence: what each input was read as; null for a bundle. */
  readonly inputs: InputsView | null;
  /** The IOMMU-group picture; null when the PCI inventory is unknown or no picture was asked for. */
  readonly topology: TopologyView | null;
  readonly devices: readonly {
    readonly address: string;
    readonly name: string;
    readonly ids: string;
    readonly className: string;
    readonly driver: string;
    readonly group: string;
    readonly isVfio: boolean;
  }[];
}

export interface ViewOptions {
  readonly generatedAt: string;
  readonly toolVersion: string;
  /** First paragraph of each rule's doc page, by rule id (empty for the terminal, which shows none). */
  readonly docs: ReadonlyMap<string, string>;
  /** Whether to lay out the IOMMU-group picture (only the HTML report draws it). */
  readonly picture: boolean;
}

export function buildReportView(analysis: Analysis, options: ViewOptions): ReportView {
  const pci = analysis.facts.pci.state === 'known' ? analysis.facts.pci.value : null;
  const byAddress = new Map((pci?.devices ?? []).map((d) => [d.address, d]));
  const seenRule = new Set<string>();
  const usedAnchors = new Map<string, number>();
  const view = (f: Finding): FindingView => findingView(f, byAddress, options.docs, seenRule, usedAnchors);
  const fails = analysis.findings.filter((f) => f.status === 'fail').sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const problems = fails.map(view);
  const unknowns = analysis.findings.filter((f) => f.status === 'unknown').map(view);
  const passes = analysis.findings.filter((f) => f.status === 'pass').map(view);
  const skips = analysis.findings.filter((f) => f.status === 'skip').map(view);
  const counts = {
    errors: fails.filter((f) => f.severity === 'error').length,
    warnings: fails.filter((f) => f.severity === 'warning').length,
    infos: fails.filter((f) => f.severity === 'info').length,
    unknowns: unknowns.length,
    passes: passes.length,
  };
  const board = analysis.devices.map((d) => boardRow(d, byAddress.get(d.address) ?? null, analysis.findings, anchorFor));
  const m = analysis.bundle.manifest;
  const inputs = analysis.bundle.inputs ? inputsView(analysis.bundle.inputs) : null;
  return {
    title: `Passthrough report: ${visibleLine(m?.hostname ?? analysis.bundle.root ?? analysis.bundle.source)}`,
    generatedAt: options.generatedAt,
    toolVersion: options.toolVersion,
    bundle: {
      source: visibleLine(analysis.bundle.source),
      collector: inputs
        ? inputs.summary
        : m
          ? `${m.collector.kind} collector ${visibleLine(m.collector.version)}${m.uid === 0 ? ', as root' : `, as uid ${m.uid} (not root)`}`
          : 'unknown (no valid manifest)',
      collectedAt: m ? visibleLine(m.startedAt) : 'unknown',
      redacted: m?.redacted ?? false,
      lost: analysis.bundle.lost,
      manifestProblem: analysis.bundle.manifestProblem,
      skipped: analysis.bundle.skipped.map((s) => ({ name: visibleLine(s.name), reason: visibleLine(s.reason) })),
      hasSkipped: analysis.bundle.skipped.length > 0,
    },
    host: hostRows(analysis.facts),
    verdict: verdictOf(counts, board),
    counts,
    board,
    hasBoard: board.length > 0,
    boardIsCandidates: analysis.devices.length > 0 && analysis.devices.every((d) => !d.target),
    problems,
    unknowns,
    passes,
    skips,
    collect: [...new Set(unknowns.flatMap((u) => u.collect))],
    cloudpods: cloudpodsSection(analysis, [...problems, ...unknowns, ...passes]),
    inputs,
    plan: buildFixPlan(fails, analysis.facts.host.state === 'known' ? analysis.facts.host.value : null),
    topology: options.picture ? buildTopology(pci, analysis.devices, analysis.findings, anchorFor) : null,
    devices: (pci?.devices ?? []).map((d) => ({
      address: d.address,
      name: visibleLine(d.name ?? ''),
      ids: `${d.vendor}:${d.device}`,
      className: visibleLine(d.className ?? d.classCode),
      driver: visibleLine(d.driver ?? '—'),
      group: d.group ?? '—',
      isVfio: isVfioDriver(d.driver),
    })),
  };
}

function verdictOf(counts: ReportView['counts'], board: readonly BoardRow[]): ReportView['verdict'] {
  const blocked = board.filter((b) => b.verdict === 'blocked').map((b) => b.address);
  if (counts.errors > 0)
    return {
      kind: 'blocked',
      text:
        blocked.length > 0
          ? `Passthrough is blocked for ${blocked.join(', ')}: ${counts.errors} error(s) to fix.`
          : `${counts.errors} error(s) block passthrough on this host.`,
    };
  if (counts.warnings > 0) return { kind: 'attention', text: `No blocking error; ${counts.warnings} warning(s) need attention.` };
  if (counts.unknowns > 0)
    return {
      kind: 'unknown',
      text: `No problem found, but ${counts.unknowns} check(s) could not be decided: collect the missing evidence.`,
    };
  return { kind: 'ready', text: 'Every check passed on evidence.' };
}

export function anchorFor(f: Pick<Finding, 'ruleId' | 'subject'>): string {
  return f.subject.kind === 'host' ? f.ruleId : `${f.ruleId}-${f.subject.address.replace(/[:.]/g, '-')}`;
}

function findingView(
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
