import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { byDevice, eventsOf, subjectOf } from '../src/facts/log-events.js';
import { sriovCause, sriovEnableFix } from '../src/fixes/log-fault-fixes.js';

// Messages of drivers/pci/iov.c and the NIC drivers' sriov_configure paths: src/log-catalog/pci-sriov.ts.
export default defineRule({
  id: 'sriov-enable-failed',
  title: 'The kernel refused to create the virtual functions of an SR-IOV device',
  severity: 'error',
  tags: ['sriov', 'device', 'kernel-log'],
  source: 'Kernel log: drivers/pci/iov.c sriov_enable ("not enough MMIO resources for SR-IOV"), NIC drivers\u2019 sriov_configure',
  needs: ['logEvents', 'host'],
  messages: {
    logIncomplete: 'No SR-IOV failure in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'The logs show no failure to create virtual functions.',
    failed: 'Creating virtual functions on {{device}} failed: {{meaning}} ({{count}} line(s)).',
  },
  check({ logEvents, host }, r) {
    const failures = byDevice(eventsOf(logEvents.value, ['sriov-enable-failed']));
    if (failures.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (failures.length === 0) return r.pass('none', {}, logEvents.evidence);
    return failures.map((d) => {
      const first = d.events[0]!;
      return r.fail(
        'failed',
        { device: d.device ?? 'a device (the line names none)', meaning: first.meaning, count: d.count },
        d.refs,
        sriovEnableFix(host.value, d.device, sriovCause(first.id, first.errno ?? first.value)),
        subjectOf(d),
      );
    });
  },
});
