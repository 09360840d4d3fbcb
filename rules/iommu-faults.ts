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
    unnamedFaults:
      'The kernel logged {{count}} IOMMU fault(s) that name no PCI device ({{meaning}}): a device made DMA the IOMMU does not translate for it.',
  },
  check({ logEvents }, r) {
    // Fault lines that name no device (Intel's fault status register) come with the ones that do;
    // an Arm SMMU names only itself and a stream ID, so alone they are reported for the host.
    const all = byDevice(eventsOf(logEvents.value, ['dma-fault']));
    const faults = all.flatMap((f) => (f.device === null ? [] : [{ ...f, device: f.device }]));
    const unnamed = all.find((f) => f.device === null);
    if (faults.length === 0 && unnamed)
      return r.fail('unnamedFaults', { count: unnamed.count, meaning: unnamed.events[0]!.meaning.replace(/\.$/, '') }, unnamed.refs, {
        summary: 'Find the device whose DMA the IOMMU faults',
        steps: [
          {
            kind: 'note',
            text: 'On an Arm SMMU the stream ID in the fault lines names the device: compare it with the iommu-map (device tree) or IORT (ACPI) entries. A device the firmware does not describe to the SMMU has its DMA aborted; describe it, or as a stopgap boot with arm-smmu.disable_bypass=0 (that device then bypasses translation and cannot be passed through safely).',
          },
          { kind: 'note', text: 'Update the firmware when it describes the SMMU masters with the legacy mmu-masters binding.' },
        ],
      });
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
