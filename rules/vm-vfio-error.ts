import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { eventsOf, subjectOf, byDevice } from '../src/facts/log-events.js';
import { vmVfioErrorFix } from '../src/fixes/log-fault-fixes.js';

// QEMU hw/vfio, libvirt and DPDK messages: src/log-catalog/qemu-vfio.ts, libvirt.ts, dpdk.ts. A group
// that is not viable is group-not-viable's; an open failure on a Cloudpods host is cloudpods-vm-vfio-open-failed's.
const FAULTS = [
  'vfio-open-failed',
  'vfio-container-failed',
  'vfio-no-iommu-group',
  'device-in-use',
  'reset-blocked',
  'msix-layout-broken',
] as const;

export default defineRule({
  id: 'vm-vfio-error',
  title: 'The VMM could not assign a device to the VM',
  severity: 'error',
  tags: ['vfio', 'qemu', 'log'],
  source: 'QEMU hw/vfio ("failed to open /dev/vfio/N", "failed to setup container"), libvirt virpci.c',
  needs: ['logEvents'],
  optional: ['cloudpods'],
  messages: {
    logIncomplete: 'No VMM error in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'No VMM log in the bundle reports a VFIO error.',
    failed: 'Starting the VM failed at {{device}}: {{meaning}}',
  },
  check({ logEvents, cloudpods }, r) {
    const onCloudpods = cloudpods.state === 'known' && cloudpods.value.detected;
    const errors = eventsOf(logEvents.value, [...FAULTS]).filter(
      (e) => e.origin !== 'kernel' && !(onCloudpods && e.fault === 'vfio-open-failed'),
    );
    if (errors.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (errors.length === 0) return r.pass('none', {}, logEvents.evidence);
    return byDevice(errors).map((d) => {
      const first = d.events[0]!;
      return r.fail(
        'failed',
        { device: d.device ?? 'a device', meaning: first.meaning },
        d.refs,
        vmVfioErrorFix(first.fault, d.device, first.group),
        subjectOf(d),
      );
    });
  },
});
