/**
 * VT-d interrupt remapping, drivers/iommu/intel/irq_remapping.c (pr_fmt `DMAR-IR: `).
 * `FW_BUG` is `[Firmware Bug]: `.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const IR = 'drivers/iommu/intel/irq_remapping.c';

export const INTEL_IRQ_REMAPPING: readonly LogCatalogEntry[] = [
  {
    id: 'dmar-ir-ioapic-no-iommu',
    origin: 'kernel',
    sourceFile: IR,
    format: '[Firmware Bug]: ioapic %d has no mapping iommu, interrupt remapping will be disabled\n',
    prefix: 'DMAR-IR: ',
    needle: 'has no mapping iommu, interrupt remapping will be disabled',
    pattern: /^DMAR-IR: \[Firmware Bug\]: ioapic (?<value>\d+) has no mapping iommu, interrupt remapping will be disabled$/,
    fault: 'interrupt-remapping-disabled',
    level: 'error',
    meaning: 'The DMAR table leaves an IOAPIC outside every VT-d unit, so the kernel disables interrupt remapping.',
    verifiedIn: BOTH,
  },
  {
    id: 'dmar-ir-not-enabling',
    origin: 'kernel',
    sourceFile: IR,
    format: 'Not enabling interrupt remapping\n',
    prefix: 'DMAR-IR: ',
    needle: 'Not enabling interrupt remapping',
    pattern: /^DMAR-IR: Not enabling interrupt remapping$/,
    fault: 'interrupt-remapping-disabled',
    level: 'info',
    meaning: 'VT-d interrupt remapping stays off because the IOAPICs could not be mapped to VT-d units.',
    verifiedIn: BOTH,
  },
  {
    id: 'dmar-ir-failed',
    origin: 'kernel',
    sourceFile: IR,
    format: 'Failed to enable irq remapping. You are vulnerable to irq-injection attacks.\n',
    prefix: 'DMAR-IR: ',
    needle: 'Failed to enable irq remapping',
    pattern: /^DMAR-IR: Failed to enable irq remapping\. You are vulnerable to irq-injection attacks\.$/,
    fault: 'interrupt-remapping-disabled',
    level: 'warning',
    meaning: 'Interrupt remapping could not be enabled; vfio refuses devices unless allow_unsafe_interrupts is set.',
    verifiedIn: BOTH,
  },
  {
    id: 'dmar-ir-chipset-erratum',
    origin: 'kernel',
    sourceFile: IR,
    format:
      'This system BIOS has enabled interrupt remapping\non a chipset that contains an erratum making that\nfeature unstable.  To maintain system stability\ninterrupt remapping is being disabled.  Please\ncontact your BIOS vendor for an update\n',
    prefix: 'DMAR-IR: ',
    needle: 'This system BIOS has enabled interrupt remapping',
    pattern: /^DMAR-IR: This system BIOS has enabled interrupt remapping$/,
    fault: 'interrupt-remapping-disabled',
    level: 'warning',
    meaning: 'The chipset has an interrupt-remapping erratum (Intel 5500/5520/X58), so the kernel turns interrupt remapping off.',
    verifiedIn: BOTH,
  },
  {
    id: 'dmar-ir-setup-failed',
    origin: 'kernel',
    sourceFile: IR,
    format: 'Failed to setup irq remapping for %s\n',
    prefix: 'DMAR-IR: ',
    needle: 'Failed to setup irq remapping for ',
    pattern: /^DMAR-IR: Failed to setup irq remapping for (?<value>\S+)$/,
    fault: 'interrupt-remapping-disabled',
    level: 'error',
    meaning: 'A VT-d unit could not be set up for interrupt remapping.',
    verifiedIn: BOTH,
  },
  {
    id: 'dmar-ir-enabled',
    origin: 'kernel',
    sourceFile: IR,
    format: 'Enabled IRQ remapping in %s mode\n',
    prefix: 'DMAR-IR: ',
    needle: 'Enabled IRQ remapping in ',
    pattern: /^DMAR-IR: Enabled IRQ remapping in (?<value>x2apic|xapic) mode$/,
    fault: 'interrupt-remapping-enabled',
    level: 'info',
    meaning: 'VT-d interrupt remapping is on, so vfio can isolate device interrupts.',
    verifiedIn: BOTH,
  },
];
