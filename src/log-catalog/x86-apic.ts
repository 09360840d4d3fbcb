/**
 * x2APIC and interrupt remapping setup, arch/x86/kernel/apic/apic.c (no pr_fmt).
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const APIC = 'arch/x86/kernel/apic/apic.c';

export const X86_APIC: readonly LogCatalogEntry[] = [
  {
    id: 'x2apic-no-irq-remapping',
    origin: 'kernel',
    sourceFile: APIC,
    format: "x2apic: IRQ remapping doesn't support X2APIC mode\n",
    needle: "IRQ remapping doesn't support X2APIC mode",
    pattern: /^x2apic: IRQ remapping doesn't support X2APIC mode$/,
    fault: 'interrupt-remapping-disabled',
    level: 'info',
    meaning: 'Interrupt remapping is not available (kernel without IRQ_REMAP, or the IOMMU refused it), so x2APIC was turned off.',
    verifiedIn: [LINUX_6_1, LINUX_6_12],
  },
  {
    id: 'ir-skipped-ioapic',
    origin: 'kernel',
    sourceFile: APIC,
    format: 'Not enabling interrupt remapping due to skipped IO-APIC setup\n',
    needle: 'Not enabling interrupt remapping due to skipped IO-APIC setup',
    pattern: /^Not enabling interrupt remapping due to skipped IO-APIC setup$/,
    fault: 'interrupt-remapping-disabled',
    level: 'info',
    meaning: 'The IO-APIC was not set up (noapic), so interrupt remapping stays off.',
    verifiedIn: [LINUX_6_1, LINUX_6_12],
  },
];
