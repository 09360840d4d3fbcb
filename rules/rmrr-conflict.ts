import { defineRule } from '../src/engine/define-rule.js';
import { FULL_LOG_COLLECT, logShowsAbsence } from '../src/facts/kernel-log.js';
import { rmrrRefusals } from '../src/facts/iommu-log-events.js';

// drivers/iommu/intel/iommu.c intel_iommu_attach_device: "Device is ineligible for IOMMU domain attach
// due to platform RMRR requirement.  Contact your platform vendor." and -EPERM.
export default defineRule({
  id: 'rmrr-conflict',
  title: 'The firmware reserves memory for the device (RMRR): VFIO may not take it',
  severity: 'error',
  tags: ['iommu', 'firmware', 'intel'],
  source: 'Kernel: "Device is ineligible for IOMMU domain attach due to platform RMRR requirement"',
  needs: ['kernelLog'],
  messages: {
    logIncomplete: 'The kernel log ({{source}}) does not start at boot or was cut, so finding no such line proves nothing.',
    none: 'No device was refused for an RMRR.',
    refused:
      '{{device}} was refused an IOMMU domain ({{count}} time(s)): the firmware keeps a reserved memory region (RMRR) for it, so VFIO cannot assign it.',
  },
  check({ kernelLog }, r) {
    const refusals = rmrrRefusals(kernelLog.value);
    if (refusals.length === 0 && !logShowsAbsence(kernelLog.value))
      return r.unknown('logIncomplete', { source: kernelLog.value.source }, FULL_LOG_COLLECT);
    if (refusals.length === 0) return r.pass('none', {}, kernelLog.evidence);
    return refusals.map((d) =>
      r.fail(
        'refused',
        { device: d.address, count: d.count },
        d.refs,
        {
          summary: `Release ${d.address} from the firmware's RMRR, or do not pass it through`,
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
            { kind: 'verify', command: 'sudo dmesg | grep "platform RMRR requirement"', expect: `no line for ${d.address}` },
          ],
        },
        { device: d.address },
      ),
    );
  },
});
