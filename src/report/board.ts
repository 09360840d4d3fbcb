/**
 * The device readiness board: one row per target (or candidate) device with its verdict, the
 * reason in the rule's own words, and the first fix to do: the one the merged fix plan starts
 * with, host-wide blockers (no IOMMU, no VFIO) before the device's own.
 */
import type { DeviceReadiness } from '../analysis/device-readiness.js';
import type { Finding } from '../engine/finding.js';
import type { PciDevice } from '../facts/model.js';
import { planRank } from './fix-plan.js';
import { describeStep } from './fix-step-text.js';
import { visibleLine, visibleText } from './visible-text.js';

export interface BoardRow {
  /** `board-0000-03-01-0`: the row's id, so the picture and tickets can link to it. */
  readonly id: string;
  readonly address: string;
  readonly name: string;
  readonly ids: string;
  readonly driver: string;
  readonly group: string;
  readonly verdict: string;
  readonly verdictLabel: string;
  readonly isTarget: boolean;
  /** Why the device is a target (driver_override, vfio-pci.ids, --device, …). */
  readonly why: string;
  /** Rule ids behind the verdict, comma-separated. */
  readonly reasons: string;
  /** Every finding behind the verdict, the device's own first, then the host-wide ones. */
  readonly causes: readonly { readonly title: string; readonly ruleId: string; readonly link: string; readonly wholeHost: boolean }[];
  /** The message of the first cause, or null when the device is ready. */
  readonly reason: string | null;
  /** "and 2 more: a, b" when more than one finding decides the verdict. */
  readonly moreReasons: string | null;
  readonly hasSeveralCauses: boolean;
  readonly fixSummary: string | null;
  /** The first step of that fix, as a sentence, and its command when it has one. */
  readonly firstFix: string | null;
  readonly firstCommand: string | null;
  /** Anchor of the deciding finding. */
  readonly link: string | null;
}

interface FindingIndex {
  readonly host: readonly Finding[];
  readonly byDevice: ReadonlyMap<string, readonly Finding[]>;
}

const indexes = new WeakMap<readonly Finding[], FindingIndex>();

/** The findings by device, built once per analysis: each board row reads its own, not all. */
function indexOf(findings: readonly Finding[]): FindingIndex {
  let index = indexes.get(findings);
  if (index) return index;
  const host: Finding[] = [];
  const byDevice = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.subject.kind === 'host') host.push(f);
    else {
      const list = byDevice.get(f.subject.address);
      if (list) list.push(f);
      else byDevice.set(f.subject.address, [f]);
    }
  }
  indexes.set(findings, (index = { host, byDevice }));
  return index;
}

function boardRowId(address: string): string {
  return `board-${address.replace(/[:.]/g, '-')}`;
}

export function boardRow(
  d: DeviceReadiness,
  dev: PciDevice | null,
  findings: readonly Finding[],
  anchorFor: (f: Finding) => string,
): BoardRow {
  const ids = d.verdict === 'blocked' ? d.blockers : d.verdict === 'unknown' ? d.undecided : d.warnings;
  const status = d.verdict === 'unknown' ? 'unknown' : 'fail';
  const about = (f: Finding): boolean => ids.includes(f.ruleId) && f.status === status;
  const index = indexOf(findings);
  const own = (index.byDevice.get(d.address) ?? []).filter(about);
  const host = index.host.filter(about);
  // The reader sees the device's own problem first; the first fix is the one the merged plan
  // starts with (firmware before files before commands), host-wide before the device's own.
  const deciding = [...own, ...host];
  const first = deciding[0];
  const withFix = [...host, ...own]
    .filter((f) => f.fix)
    .map((f, i) => ({ f, i, rank: planRank(f.fix!.steps) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)[0]?.f;
  const step = withFix?.fix?.steps[0];
  const described = step ? describeStep(step) : null;
  const others = [...new Set(deciding.slice(1).map((f) => f.ruleId))];
  const noDevice = d.verdict === 'unknown' && !dev ? 'The device is not in the PCI inventory of this bundle.' : null;
  return {
    id: boardRowId(d.address),
    address: d.address,
    name: visibleLine(dev?.name ?? 'not present in the PCI inventory'),
    ids: dev ? `${dev.vendor}:${dev.device}` : '',
    driver: visibleLine(dev?.driver ?? 'none'),
    group: dev?.group ?? '—',
    verdict: d.verdict,
    verdictLabel: d.verdict === 'ready' ? 'Ready' : d.verdict === 'blocked' ? 'Blocked' : 'Unknown',
    isTarget: d.target,
    why: visibleLine(d.why.join('; ')),
    reasons: ids.join(', '),
    causes: deciding.map((f) => ({
      title: visibleLine(f.title),
      ruleId: f.ruleId,
      link: anchorFor(f),
      wholeHost: f.subject.kind === 'host',
    })),
    reason: first ? visibleText(first.message) : (noDevice ?? (d.verdict === 'unknown' ? 'No check decided this device.' : null)),
    moreReasons: others.length > 0 ? `and ${others.length} more: ${others.join(', ')}` : null,
    hasSeveralCauses: deciding.length > 1,
    fixSummary: withFix?.fix ? visibleText(withFix.fix.summary) : collectHint(first),
    firstFix: described ? visibleLine(described.text) : null,
    firstCommand: described?.command && described.command !== 'reboot' ? visibleText(described.command) : null,
    link: first ? anchorFor(first) : null,
  };
}

function collectHint(f: Finding | undefined): string | null {
  const collect = f?.status === 'unknown' ? (f.collect ?? []) : [];
  return collect.length > 0 ? `Collect ${collect.map(visibleLine).join(', ')} and analyze again` : null;
}
