import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { byDevice, eventsOf } from '../src/facts/log-events.js';

// Fault formats (Intel dmar_fault_do_one, AMD amd_iommu_report_page_fault) and how the device is
// read from the log events (src/log-catalog).
export default defineRule({
  id: 'iommu-faults',
  title: 'DMA remapping faults in the kernel log',
  severity: 'warning',
  tags: ['iommu', 'dma', 'kernel-log'],
  source: 'Kernel: DMAR "[DMA Read] … fault addr" / AMD-Vi "IO_PAGE_FAULT"',
  needs: ['logEvents'],
  messages: {
    logIncomplete: 'No such line in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'The kernel log holds no DMA remapping faults.',
    faults: '{{device}} caused {{count}} logged DMA remapping fault(s): it read or wrote memory the IOMMU had not mapped for it.',
  },
  check({ logEvents }, r) {
    // Fault lines that name no device (the fault status register) come with the ones that do.
    const faults = byDevice(eventsOf(logEvents.value, ['dma-fault'])).flatMap((f) =>
      f.device === null ? [] : [{ ...f, device: f.device }],
    );
    if (faults.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (faults.length === 0) return r.pass('none', {}, logEvents.evidence);
    return faults.map((f) =>
      r.fail(
        'faults',
        { device: f.device, count: f.count },
        f.refs,
        {
          summary: `Find out why ${f.device} performs DMA outside its mappings`,
          steps: [
            {
              kind: 'note',
              text: 'At boot, before any driver loads: firmware still runs DMA for the device without declaring it (RMRR/IVMD); update the firmware, or note the device cannot be passed through safely.',
            },
            {
              kind: 'note',
              text: 'While a guest owns the device: the guest driver or a device that was not reset between guests; check reset support (FLR) and the guest driver.',
            },
            {
              kind: 'note',
              text: 'While a host driver owns it: a driver or device bug; try a newer kernel or firmware before turning the IOMMU off for the device.',
            },
            { kind: 'verify', command: 'sudo dmesg | grep -e "DMAR: \\[DMA" -e IO_PAGE_FAULT', expect: `no new lines for ${f.device}` },
          ],
        },
        { device: f.device },
      ),
    );
  },
});
