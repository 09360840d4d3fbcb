/**
 * Evidence that feeds more than one fact, parsed once per analysis: the IOMMU group listing
 * (kernel-iommu counts the groups, pci assigns them to devices) and the block-device inventory
 * (host-storage follows mounts to their controllers, cloudpods finds LVM/RAID members). The memo is
 * keyed on the EvidenceSource, of which each analysis has its own, so nothing outlives the analysis;
 * the parsed records are shared, so their readers must not mutate them.
 */
import { hasText, type Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseBlockDevices, type BlockDevices } from '../parsers/block-devices.js';
import { parseIommuGroups, type IommuGroups } from '../parsers/iommu-groups.js';

export interface ParsedEvidence<T> {
  readonly evidence: Evidence;
  /** null when the evidence holds nothing to parse. */
  readonly parsed: T | null;
}

function oncePerAnalysis<T>(read: (ev: EvidenceSource) => T): (ev: EvidenceSource) => T {
  const memo = new WeakMap<EvidenceSource, { readonly value: T }>();
  return (ev) => {
    const hit = memo.get(ev);
    if (hit) return hit.value;
    const value = read(ev);
    memo.set(ev, { value });
    return value;
  };
}

/** `iommu-groups`, parsed when it holds text: a cut listing still proves the groups it shows (its
 * readers carry the cut as a gap, since a member may be missing). */
export const iommuGroupListing = oncePerAnalysis((ev): ParsedEvidence<IommuGroups> => {
  const evidence = ev.one('iommu-groups');
  return { evidence, parsed: hasText(evidence) ? parseIommuGroups(evidence.text) : null };
});

export const blockDeviceInventory = oncePerAnalysis((ev): ParsedEvidence<BlockDevices> => {
  const evidence = ev.one('block-devices');
  return { evidence, parsed: hasText(evidence) ? parseBlockDevices(evidence.text) : null };
});
