import { defineRule } from '../src/engine/define-rule.js';
import type { EvidenceRef } from '../src/facts/fact.js';

// Log events (src/log-catalog): "Adding to iommu group N" (drivers/iommu/iommu.c) and the IOMMU
// drivers' banners, "DMAR: Intel(R) Virtualization Technology for Directed I/O" and
// "AMD-Vi: Found IOMMU cap" (samples/lab-*-healthy).
const BANNERS = ['intel-iommu-vtd-initialized', 'amd-iommu-found'];
const SYSFS = ['iommu-groups', 'sys-class-iommu'];

export default defineRule({
  id: 'iommu-groups-inconsistent',
  title: 'IOMMU groups in sysfs contradict the boot log',
  severity: 'warning',
  tags: ['iommu', 'groups'],
  source: 'FAQ "How to list IOMMU groups?"',
  needs: ['kernelIommu', 'kernelLog', 'logEvents'],
  optional: ['pci', 'collection'],
  messages: {
    consistent: 'The IOMMU groups in sysfs match the boot log.',
    notComparable: 'Nothing to compare: the IOMMU groups were read from the boot log only.',
    noGroups: 'The boot log shows the IOMMU driver running ({{line}}) but sysfs has no IOMMU units or groups.',
    mismatch: '{{count}} device(s) sit in other IOMMU groups than the boot log put them in: {{list}}.',
    logRotated: 'The kernel log no longer holds the boot messages, so the groups cannot be checked against it.',
  },
  check({ kernelIommu, kernelLog, logEvents, pci, collection }, r) {
    if (!kernelIommu.evidence.some((e) => SYSFS.includes(e.evidence))) return r.skip('notComparable', {});
    if (!kernelLog.value.hasBootMessages) return r.unknown('logRotated', {}, ['journalctl -k -b', 'sudo dmesg']);
    // The last group each device was added to, in log order.
    const fromLog = new Map<string, { group: string; ref: EvidenceRef }>();
    for (const e of logEvents.value.events)
      if (e.fault === 'group-added' && e.device !== null && e.group !== null && e.refs[0])
        fromLog.set(e.device, { group: e.group, ref: e.refs[0] });
    const banner = logEvents.value.events.find((e) => BANNERS.includes(e.id))?.refs[0];
    const first = [...fromLog.values()][0]?.ref ?? banner;
    if (!kernelIommu.value.active && first)
      return r.fail('noGroups', { line: first.text }, [first, ...kernelIommu.evidence], {
        summary: 'Collect the IOMMU state again in the same boot',
        steps: [
          {
            kind: 'note',
            text: "The bundle's sysfs listings and its kernel log disagree: they may come from different boots or a container without /sys access. Run the collector again as root on the host itself.",
          },
          { kind: 'verify', command: 'ls /sys/class/iommu /sys/kernel/iommu_groups', expect: 'dmar0/ivhd0 and numbered groups' },
        ],
      });
    const groups = pci.state === 'known' && pci.value.groupsFrom === 'sysfs' ? pci.value.groups : {};
    const sysfs = new Map(Object.entries(groups).flatMap(([g, members]) => members.map((a) => [a.toLowerCase(), g] as const)));
    // A device the listing lacks contradicts the log only when the listing is a collector's whole one:
    // a pasted listing often shows the groups of interest only.
    const whole = collection.state === 'known' && collection.value.layout === 'bundle' && pci.state === 'known' && pci.gaps.length === 0;
    const wrong = [...fromLog].filter(([a, l]) => sysfs.size > 0 && (sysfs.has(a) ? sysfs.get(a) !== l.group : whole));
    if (wrong.length === 0) return r.pass('consistent', {}, [...kernelIommu.evidence, ...(first ? [first] : [])]);
    const list = wrong
      .slice(0, 8)
      .map(([a, l]) => `${a}: log ${l.group}, sysfs ${sysfs.get(a) ?? 'none'}`)
      .join('; ');
    return r.fail(
      'mismatch',
      { count: wrong.length, list },
      [...wrong.slice(0, 3).map(([, l]) => l.ref), ...(pci.state === 'known' ? pci.evidence.slice(0, 1) : [])],
      {
        summary: 'Collect the IOMMU groups and the kernel log of the same boot',
        steps: [
          {
            kind: 'note',
            text: 'Group numbers are fixed for a boot; a mismatch means the listing and the log come from different boots (an old /var/log/kern.log, a copied bundle) or devices were re-enumerated. Re-run the collector; if it persists, report it with both listings.',
          },
          {
            kind: 'verify',
            command: 'for d in /sys/kernel/iommu_groups/*/devices/*; do echo "${d%/devices/*} ${d##*/}"; done',
            expect: 'the groups the boot log shows',
          },
        ],
      },
    );
  },
});
