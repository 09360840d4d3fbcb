/**
 * Analysis → ReportView: everything the HTML and Markdown templates show, computed here so the
 * templates only iterate and branch on booleans. Every bundle-derived string passes through
 * visibleText; escaping for the output format is the template's job.
 */
import { gapsView, type GapView } from './gaps-view.js';
import type { Analysis } from '../analyze.js';
import type { Finding } from '../engine/finding.js';
import { severityRank } from '../engine/finding.js';
import { isVfioDriver } from '../facts/pci.js';
import { boardRow, type BoardRow } from './board.js';
import { cloudpodsSection, type CloudpodsSectionView } from './cloudpods-section.js';
import { anchorFor, findingView, type FindingView } from './finding-view.js';
import { buildFixPlan, type FixPlan } from './fix-plan.js';
import { hostRows } from './host-rows.js';
import { inputsView, type InputsView } from './inputs-view.js';
import { buildTopology, type TopologyView } from './topology.js';
import { visibleLine, visibleText } from './visible-text.js';

export type { BoardRow } from './board.js';

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
    /** Evidence read only in part (cut, unreadable lines, missing pieces a fact wanted), and how many there were. */
    readonly gaps: readonly GapView[];
    readonly gapCount: number;
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
  /**
   * `terminal`: only what the terminal summary shows (src/report/render-text.ts). Problems,
   * undecided and passed checks are counted, but only the first TERMINAL_PROBLEMS problems and the
   * Cloudpods findings (its section lists them) are viewed, and there is no fix plan, skipped
   * checks or device table: on a host with thousands of devices they cost more than the
   * analysis. `full` (the default) for HTML and Markdown.
   */
  readonly scope?: 'full' | 'terminal';
}

/** Problems the terminal summary prints before "and N more". */
export const TERMINAL_PROBLEMS = 15;

/** Blocked devices the verdict names before "and N more" (the board lists them all). */
const VERDICT_DEVICES = 8;

export function buildReportView(analysis: Analysis, options: ViewOptions): ReportView {
  const pci = analysis.facts.pci.state === 'known' ? analysis.facts.pci.value : null;
  const byAddress = new Map((pci?.devices ?? []).map((d) => [d.address, d]));
  const seenRule = new Set<string>();
  const usedAnchors = new Map<string, number>();
  const view = (f: Finding): FindingView => findingView(f, byAddress, options.docs, seenRule, usedAnchors);
  const fails = analysis.findings.filter((f) => f.status === 'fail').sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const full = options.scope !== 'terminal';
  // The terminal views the first problems it prints and the Cloudpods findings its section lists.
  const shown = (list: readonly Finding[], first: number): readonly Finding[] =>
    full ? list : list.filter((f, i) => i < first || f.ruleId.startsWith('cloudpods-'));
  const undecided = analysis.findings.filter((f) => f.status === 'unknown');
  const passed = analysis.findings.filter((f) => f.status === 'pass');
  const problems = shown(fails, TERMINAL_PROBLEMS).map(view);
  const unknowns = shown(undecided, 0).map(view);
  const passes = shown(passed, 0).map(view);
  const skips = full ? analysis.findings.filter((f) => f.status === 'skip').map(view) : [];
  const counts = {
    errors: fails.filter((f) => f.severity === 'error').length,
    warnings: fails.filter((f) => f.severity === 'warning').length,
    infos: fails.filter((f) => f.severity === 'info').length,
    unknowns: undecided.length,
    passes: passed.length,
  };
  const board = analysis.devices.map((d) => boardRow(d, byAddress.get(d.address) ?? null, analysis.findings, anchorFor));
  const m = analysis.bundle.manifest;
  const inputs = analysis.bundle.inputs ? inputsView(analysis.bundle.inputs) : null;
  const gaps = gapsView(analysis.facts);
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
      gaps: gaps.gaps,
      gapCount: gaps.count,
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
    collect: [...new Set(undecided.flatMap((f) => (f.collect ?? []).map(visibleText)))],
    cloudpods: cloudpodsSection(analysis, [...problems, ...unknowns, ...passes]),
    inputs,
    plan: buildFixPlan(full ? fails : [], analysis.facts.host.state === 'known' ? analysis.facts.host.value : null),
    topology: options.picture ? buildTopology(pci, analysis.devices, analysis.findings, anchorFor) : null,
    devices: (full ? (pci?.devices ?? []) : []).map((d) => ({
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
          ? `Passthrough is blocked for ${namedFew(blocked)}: ${counts.errors} error(s) to fix.`
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

function namedFew(addresses: readonly string[]): string {
  if (addresses.length <= VERDICT_DEVICES) return addresses.join(', ');
  const more = addresses.length - VERDICT_DEVICES;
  return `${addresses.slice(0, VERDICT_DEVICES).join(', ')} and ${more} more device${more === 1 ? '' : 's'}`;
}
