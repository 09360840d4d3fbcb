/**
 * The report's Cloudpods section: on a host running the Cloudpods host service, every check of the
 * host service's own view (the cloudpods-* rules) in one table — what failed, what could not be
 * decided, what passed — each linked to its finding, with what made the host a Cloudpods host.
 * The findings themselves stay in the report's Problems and Passed lists with their fixes.
 */
import type { Analysis } from '../analyze.js';
import type { FindingView } from './finding-view.js';
import { visibleLine } from './visible-text.js';

export interface CloudpodsCheckRow {
  readonly anchor: string;
  readonly ruleId: string;
  readonly title: string;
  readonly label: string;
  /** CSS class of the label's pill: sev-<severity> for a failure, st-<status> otherwise. */
  readonly pillClass: string;
  readonly subject: string;
  readonly message: string;
}

export interface CloudpodsSectionView {
  /** Where the host showed itself as a Cloudpods host (host.conf, the host service's log). */
  readonly detectedBy: readonly string[];
  readonly hostType: string;
  readonly failing: number;
  readonly rows: readonly CloudpodsCheckRow[];
}

const isCloudpodsRule = (f: FindingView): boolean => f.ruleId.startsWith('cloudpods-');

/** null unless the host was detected as a Cloudpods host. `shown`: the findings in report order (failures first). */
export function cloudpodsSection(analysis: Analysis, shown: readonly FindingView[]): CloudpodsSectionView | null {
  const cp = analysis.facts.cloudpods;
  if (cp.state !== 'known' || !cp.value.detected) return null;
  const rows = shown.filter(isCloudpodsRule).map((f) => ({
    anchor: f.anchor,
    ruleId: f.ruleId,
    title: f.title,
    label: f.label,
    pillClass: f.isFail ? `sev-${f.severity}` : `st-${f.status}`,
    subject: f.subject,
    message: f.message,
  }));
  return {
    detectedBy: [...new Set(cp.value.detectedBy.map((r) => visibleLine(r.source)))],
    hostType: visibleLine(cp.value.hostType),
    failing: rows.filter((r) => r.pillClass.startsWith('sev-')).length,
    rows,
  };
}
