/**
 * Is interrupt remapping enabled? VFIO's type1 backend refuses to attach devices without it unless
 * vfio_iommu_type1.allow_unsafe_interrupts=1 is set. The kernel announces it once at boot:
 * Intel `DMAR-IR: Enabled IRQ remapping in xapic|x2apic mode` (drivers/iommu/intel/irq_remapping.c;
 * test/fixtures/lab/intel-healthy-6.1/dmesg.txt), AMD `AMD-Vi: Interrupt remapping enabled`
 * (drivers/iommu/amd/init.c; test/fixtures/lab/amd-healthy-6.1/dmesg.txt). With remapping off the
 * kernel may print nothing at all (test/fixtures/lab/intremap-off-6.1/dmesg.txt), so the absence
 * of the line counts only in a log that still starts at boot.
 */
import { known, unknown, type Fact } from './fact.js';
import { logLines, logRef, logShowsAbsence } from './kernel-log.js';
import type { InterruptRemappingFacts, KernelLogFacts } from './model.js';

const ENABLED = ['DMAR-IR: Enabled IRQ remapping in', 'AMD-Vi: Interrupt remapping enabled'];

export function buildInterruptRemapping(log: Fact<KernelLogFacts>): Fact<InterruptRemappingFacts> {
  if (log.state === 'unknown') return unknown(`no kernel log: ${log.reason}`, log.collect);
  const ref = (l: { line: number; text: string }) => logRef(log.value, l);
  const on = logLines(log.value, ...ENABLED)[0];
  if (on) return known({ enabled: true }, [ref(on)]);
  if (!logShowsAbsence(log.value))
    return unknown(`the kernel log (${log.value.source}) no longer starts at boot or was cut`, [
      'journalctl -k -b',
      'grep -i remap /var/log/dmesg',
    ]);
  const related = logLines(log.value, 'DMAR-IR', 'IRQ remapping', 'x2apic', 'AMD-Vi: Interrupt remapping');
  const first = related[0] ?? log.value.lines[0];
  return known({ enabled: false }, first ? [ref(first)] : []);
}
