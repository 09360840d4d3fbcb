import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { byDevice, eventsOf, subjectOf } from '../src/facts/log-events.js';

// drivers/iommu/intel/iommu.c intel_iommu_attach_device: "Device is ineligible for IOMMU domain attach
// due to platform RMRR requirement.  Contact your platform vendor." and -EPERM.
export default defineRule({
  id: 'rmrr-conflict',
  title: 'The firmware reserves memory for the device (RMRR): VFIO may not take it',
  severity: 'error',
  tags: ['iommu', 'firmware', 'intel'],
  source: 'Kernel: "Device is ineligible for IOMMU domain attach due to platform RMRR requirement"',
  needs: ['logEvents'],
  messages: {
    logIncomplete: 'No such line in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'No device was refused for an RMRR.',
    refused:
      '{{device}} was refused an IOMMU domain ({{count}} time(s)): the firmware keeps a reserved memory region (RMRR) for it, so VFIO cannot assign it.',
  },
  check({ logEvents }, r) {
    const refusals = byDevice(eventsOf(logEvents.value, ['rmrr-refused']));
    if (refusals.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (refusals.length === 0) return r.pass('none', {}, logEvents.evidence);
    return refusals.map((d) =>
      r.fail(
        'refused',
        { device: d.device ?? 'A device (the line names none)', count: d.count },
        d.refs,
        {
          summary: `Release ${d.device ?? 'the device'} from the firmware's RMRR, or do not pass it through`,
          steps: [
            {
              kind: 'firmware',
              setting:
                'HPE ProLiant: exclude the slot from RMRR with the conrep tool as in HPE Customer Advisory c04781229 (https://support.hpe.com/hpesc/public/docDisplay?docId=emr_na-c04781229); other vendors: update the firmware and look for a shared-memory/management (iLO/iDRAC/IPMI) option on the card or slot',
            },
            { kind: 'note', text: 'Alternatively move the card to another slot or pass through a device the firmware does not manage.' },
            {
              kind: 'note',
              text: "Last resort: a kernel carrying the out-of-tree relaxable-RMRR patch (intel_iommu=relax_rmrr). It ignores the firmware's reservation; if the firmware still uses the device (shared management NIC, RAID controller, health agent) memory can be corrupted.",
            },
            { kind: 'reboot' },
            { kind: 'verify', command: 'sudo dmesg | grep "platform RMRR requirement"', expect: `no line for ${d.device ?? 'any device'}` },
          ],
        },
        subjectOf(d),
      ),
    );
  },
});
