/**
 * Is interrupt remapping enabled? VFIO's type1 backend refuses to attach devices without it unless
 * vfio_iommu_type1.allow_unsafe_interrupts=1 is set. From the log events (src/log-catalog):
 * - enabled: Intel `DMAR-IR: Enabled IRQ remapping in xapic|x2apic mode`, AMD `AMD-Vi: Interrupt
 *   remapping enabled` (test/fixtures/lab/intel-healthy-6.1, amd-healthy-6.1);
 * - disabled, proven by a line: the firmware-bug and refusal lines of drivers/iommu/intel/irq_remapping.c
 *   and drivers/iommu/amd/init.c, and vfio_iommu_type1's own "No interrupt remapping support" when it
 *   refused a group — each proves remapping is off whatever else the log lost;
 * - disabled, by absence: with remapping off the kernel may print nothing at all
 *   (test/fixtures/lab/intremap-off-6.1/dmesg.txt), so the missing line counts only in a log that
 *   still starts at boot.
 */
import { known, unknown, type Fact } from './fact.js';
import { logRef, logShowsAbsence } from './kernel-log.js';
import type { ClassifiedLogs } from './log-events.js';
import type { InterruptRemappingFacts, KernelLogFacts } from './model.js';

export function buildInterruptRemapping(log: Fact<KernelLogFacts>, logs: Fact<ClassifiedLogs>): Fact<InterruptRemappingFacts> {
  if (log.state === 'unknown' || logs.state === 'unknown')
    return unknown(`no kernel log: ${log.state === 'unknown' ? log.reason : ''}`, ['sudo dmesg', 'journalctl -k -b']);
  const events = logs.value.events;
  const on = events.find((e) => e.fault === 'interrupt-remapping-enabled');
  if (on) return known({ enabled: true, provenBy: 'line' }, on.refs.slice(0, 1));
  // "x2apic: IRQ remapping doesn't support X2APIC mode" is also printed when remapping runs in xapic mode: not a proof.
  const off = events.filter(
    (e) => (e.fault === 'interrupt-remapping-disabled' && e.id !== 'x2apic-no-irq-remapping') || e.fault === 'msi-not-isolated',
  );
  if (off.length > 0)
    return known(
      { enabled: false, provenBy: 'line' },
      off.flatMap((e) => e.refs.slice(0, 1)),
    );
  if (!logShowsAbsence(log.value))
    return unknown(`the kernel log (${log.value.source}) no longer starts at boot or was cut`, [
      'journalctl -k -b',
      'grep -i remap /var/log/dmesg',
    ]);
  const first = log.value.lines[0];
  return known({ enabled: false, provenBy: 'absence' }, first ? [logRef(log.value, first)] : []);
}
