/**
 * Is an IOMMU driver active in the running kernel? Evidence: IOMMU units in /sys/class/iommu
 * (dmar0, ivhd0) and groups in /sys/kernel/iommu_groups; without sysfs, the boot log's
 * "Adding to iommu group N" lines. An empty or missing groups directory on a host whose listings
 * were collected means no IOMMU is active.
 */
import type { Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseNameList } from '../parsers/name-list.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { collectHint, fileRef, gapsIn, refTo, whyMissing } from './evidence-ref.js';
import { logRef, logShowsAbsence } from './kernel-log.js';
import type { ClassifiedLogs } from './log-events.js';
import type { KernelIommuFacts, KernelLogFacts } from './model.js';
import { iommuGroupListing } from './shared-evidence.js';

const readable = (e: Evidence): boolean => e.status === 'ok' || e.status === 'absent' || e.status === 'truncated';

export function buildKernelIommu(ev: EvidenceSource, log: Fact<KernelLogFacts>, logs: Fact<ClassifiedLogs>): Fact<KernelIommuFacts> {
  const unitsEv = ev.one('sys-class-iommu');
  const { evidence: groupsEv, parsed: groups } = iommuGroupListing(ev);
  if (readable(unitsEv) || readable(groupsEv)) {
    const units = unitsEv.status === 'ok' ? parseNameList(unitsEv.text).names : [];
    // Groups of platform devices (an SoC's own IOMMUs) prove an IOMMU at work too.
    const groupCount = groups ? new Set([...Object.keys(groups.groups), ...groups.platformMembers.map((m) => String(m.group))]).size : 0;
    const refs: EvidenceRef[] = [];
    const firstUnit = units[0];
    if (firstUnit) refs.push(refTo(unitsEv, firstUnit));
    else if (readable(unitsEv))
      refs.push(fileRef(unitsEv, unitsEv.status === 'absent' ? '(no /sys/class/iommu directory)' : '(empty: no IOMMU units)'));
    const firstGroup = groups?.memberships[0] ?? groups?.platformMembers[0];
    if (firstGroup) refs.push(refTo(groupsEv, firstGroup));
    else if (readable(groupsEv))
      refs.push(fileRef(groupsEv, groupsEv.status === 'absent' ? '(no /sys/kernel/iommu_groups directory)' : '(empty: no IOMMU groups)'));
    // A cut listing proves the groups it shows; that none exist needs both listings whole.
    const active = units.length > 0 || groupCount > 0;
    return known({ active, groupCount, units: units.map((u) => u.name) }, refs, active ? [] : gapsIn(unitsEv, groupsEv));
  }
  // Groups in the log ("Adding to iommu group N", older kernels "Adding device X to group N") prove
  // the IOMMU active; their absence proves it off only in a complete log.
  const adds = logs.state === 'known' ? logs.value.events.filter((e) => e.fault === 'group-added') : [];
  if (log.state === 'known' && (adds.length > 0 || logShowsAbsence(log.value))) {
    const groups = new Set(adds.map((e) => e.group));
    const first = log.value.lines[0];
    const refs = adds[0] ? adds[0].refs.slice(0, 1) : first ? [logRef(log.value, first)] : [];
    return known({ active: adds.length > 0, groupCount: groups.size, units: [] }, refs);
  }
  return unknown(`${whyMissing(groupsEv)}; ${whyMissing(unitsEv)}`, [collectHint(groupsEv), collectHint(unitsEv)]);
}
