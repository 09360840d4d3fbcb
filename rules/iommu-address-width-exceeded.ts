import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { byDevice, eventsOf, subjectOf } from '../src/facts/log-events.js';

// The message of drivers/iommu/intel/iommu.c (intel_iommu_map, prepare_domain_attach_device): src/log-catalog/intel-iommu.ts.
export default defineRule({
  id: 'iommu-address-width-exceeded',
  title: 'A DMA mapping reached above the address width the IOMMU translates',
  severity: 'error',
  tags: ['iommu', 'vfio', 'kernel-log'],
  source: 'Kernel log: drivers/iommu/intel/iommu.c intel_iommu_map ("iommu width (%d) is not sufficient for the mapped address")',
  needs: ['logEvents'],
  messages: {
    logIncomplete: 'No mapping above the IOMMU width in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'The logs show no DMA mapping refused for the IOMMU address width.',
    exceeded:
      'The IOMMU translates {{width}} address bits and refused a mapping above them ({{count}} line(s)): the VFIO user (QEMU, a user-space driver) placed memory too high, and its DMA map call failed.',
  },
  check({ logEvents }, r) {
    const refused = byDevice(eventsOf(logEvents.value, ['iommu-width-exceeded']));
    if (refused.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (refused.length === 0) return r.pass('none', {}, logEvents.evidence);
    return refused.map((d) => {
      const width = d.events[0]!.value ?? 'fewer';
      return r.fail(
        'exceeded',
        { width, count: d.count },
        d.refs,
        {
          summary: `Keep every DMA address below 2^${width}`,
          steps: [
            {
              kind: 'note',
              text: `For a VM: keep its highest guest-physical address below 2^${width} bytes — less memory and maxmem for hotplug, a smaller 64-bit PCI window — or move it to a host whose VT-d translates more address bits. For a user-space driver: map its buffers at lower I/O virtual addresses.`,
            },
          ],
        },
        subjectOf(d),
      );
    });
  },
});
