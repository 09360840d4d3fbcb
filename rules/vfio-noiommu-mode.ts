import { defineRule } from '../src/engine/define-rule.js';
import { eventsOf } from '../src/facts/log-events.js';
import { noIommuModeFix } from '../src/fixes/log-fault-fixes.js';

// drivers/vfio/group.c (vfio_main.c before 6.2): "Adding kernel taint for vfio-noiommu group on device";
// the switch is vfio.enable_unsafe_noiommu_mode (Documentation/driver-api/vfio.rst).
export default defineRule({
  id: 'vfio-noiommu-mode',
  title: 'VFIO runs in no-IOMMU mode: devices have no DMA isolation',
  severity: 'error',
  tags: ['vfio', 'iommu'],
  source: 'drivers/vfio: enable_unsafe_noiommu_mode, "Adding kernel taint for vfio-noiommu group on device"',
  needs: ['host'],
  optional: ['logEvents', 'cmdline'],
  messages: {
    off: 'VFIO does not run in no-IOMMU mode.',
    on: 'VFIO runs in no-IOMMU mode ({{how}}): the devices it hands out have no DMA isolation and cannot be passed to a VM.',
    unknown: 'The command line or the whole kernel log is missing, so whether VFIO runs in no-IOMMU mode is not known.',
  },
  check({ host, logEvents, cmdline }, r) {
    const taints =
      logEvents.state === 'known' ? eventsOf(logEvents.value, ['iommu-absent']).filter((e) => e.id === 'vfio-noiommu-taint') : [];
    const param =
      cmdline.state === 'known'
        ? cmdline.value.params.find((p) => p.key === 'vfio.enable_unsafe_noiommu_mode' && /^[y1]/i.test(p.value ?? 'y'))
        : undefined;
    if (taints.length > 0 || param) {
      const how = [
        ...(param ? [param.raw] : []),
        ...(taints.length > 0 ? [`the kernel tainted itself for ${taints.length} device(s)`] : []),
      ].join('; ');
      return r.fail(
        'on',
        { how },
        [...taints.flatMap((e) => e.refs), ...(param && cmdline.state === 'known' ? [cmdline.value.ref] : [])],
        noIommuModeFix(host.value, param?.raw ?? null),
      );
    }
    if (cmdline.state === 'known' && logEvents.state === 'known' && logEvents.gaps.length === 0)
      return r.pass('off', {}, [cmdline.value.ref, ...logEvents.evidence]);
    return r.unknown('unknown', {}, ['cat /proc/cmdline', 'sudo dmesg']);
  },
});
