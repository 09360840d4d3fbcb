/**
 * Which collection problems matter. A problem counts when the item could not be read although it
 * exists (denied, timeout, error, truncated, lost), or when a missing command left a fact
 * unknown; a missing optional tool whose fact was decided from other evidence (systemd-detect-virt
 * → DMI and CPU flags, lspci → the sysfs inventory; samples/lab-no-lspci) is not a gap.
 */
import type { Fact } from './fact.js';
import type { Facts } from './facts.js';
import type { CollectionFacts, CollectionItem } from './model.js';

/** Facts that decide error-severity checks, and what each one decides, in the report's words. */
const IMPORTANT_FACTS: Readonly<Partial<Record<keyof Facts, string>>> = {
  kernelLog: 'kernel log checks (firmware tables, interrupt remapping, DMA faults, device errors)',
  cmdline: 'kernel command-line checks',
  firmwareIommu: 'firmware IOMMU check',
  kernelIommu: 'kernel IOMMU check',
  interruptRemapping: 'interrupt remapping check',
  modules: 'VFIO module checks',
  bootConfig: 'boot configuration checks',
  pci: 'device and IOMMU group checks',
  cpu: 'CPU virtualization check',
};

const UNREADABLE = new Set(['denied', 'timeout', 'error', 'truncated', 'lost']);

export interface EvidenceGaps {
  readonly items: readonly CollectionItem[];
  /** Unknown facts that decide important checks: [fact key, what it decides, why unknown]. */
  readonly unknownChecks: readonly { readonly fact: string; readonly checks: string; readonly reason: string }[];
  readonly needsRoot: boolean;
}

export function evidenceGaps(collection: CollectionFacts, facts: Partial<Record<keyof Facts, Fact<unknown>>>): EvidenceGaps {
  const unknownChecks = Object.entries(IMPORTANT_FACTS).flatMap(([key, checks]) => {
    const f = facts[key as keyof Facts];
    return f && f.state === 'unknown' ? [{ fact: key, checks: checks ?? key, reason: f.reason }] : [];
  });
  const reasons = unknownChecks.map((u) => u.reason).join(' ');
  const items = collection.problems.filter(
    (p) => UNREADABLE.has(p.status) || (p.status === 'no-command' && reasons.includes(p.source.split(' ')[0] ?? p.source)),
  );
  const needsRoot = collection.uid !== null && collection.uid !== 0 ? true : items.some((i) => i.status === 'denied');
  return { items, unknownChecks, needsRoot };
}
