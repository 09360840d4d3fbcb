/**
 * Arm GIC MSI controllers: the GICv3 ITS (drivers/irqchip/irq-gic-v3-its.c), which tags every MSI
 * with the sending device's ID and so isolates MSIs (the arm64 counterpart of interrupt remapping:
 * VFIO's type1 backend accepts a group only when its MSIs are isolated, drivers/vfio/vfio_iommu_type1.c),
 * and the GICv2m frame (drivers/irqchip/irq-gic-v2m.c, pr_fmt `GICv2m: `), which turns MSIs into
 * SPIs without knowing who sent them.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1_ARM64, LINUX_6_12_ARM64 } from './versions.js';

const BOTH = [LINUX_6_1_ARM64, LINUX_6_12_ARM64];

export const ARM_GIC: readonly LogCatalogEntry[] = [
  {
    // its_setup_baser: once per table the ITS driver sets up (Devices, Interrupt Collections, …) of an
    // ITS the firmware (MADT or device tree) describes (test/fixtures/lab-arm64/healthy-acpi-6.1, -6.12).
    id: 'gic-its-tables-allocated',
    origin: 'kernel',
    sourceFile: 'drivers/irqchip/irq-gic-v3-its.c',
    format: 'ITS@%pa: allocated %d %s @%llx (%s, esz %d, psz %dK, shr %d)\n',
    needle: ', esz ',
    pattern: /^ITS@(?<value>0x[\da-f]+): allocated \d+ \w+(?: \w+)* @[\da-f]+ \(\w+, esz \d+, psz \d+K, shr \d+\)$/,
    fault: 'msi-isolated',
    level: 'info',
    meaning:
      'A GICv3 ITS is at work: MSIs carry the sending device ID, so they are isolated per device (the arm64 counterpart of interrupt remapping).',
    verifiedIn: BOTH,
  },
  {
    // its_pci_of_msi_init / its_pci_acpi_msi_init_one: the PCI MSI domain on top of the ITS (`%pOF` from
    // the device tree, `ITS@0x…` from ACPI). 6.12 builds per-device MSI domains and no longer prints it.
    id: 'gic-its-pci-msi-domain',
    origin: 'kernel',
    sourceFile: 'drivers/irqchip/irq-gic-v3-its-pci-msi.c',
    format: 'PCI/MSI: %s domain created\n',
    needle: 'PCI/MSI: ',
    pattern: /^PCI\/MSI: (?<value>\S+) domain created$/,
    fault: 'msi-isolated',
    level: 'info',
    meaning: 'PCI MSIs go through the GICv3 ITS, which isolates them per device.',
    verifiedIn: [LINUX_6_1_ARM64],
  },
  {
    // gicv2m_init_one: each GICv2m MSI frame.
    id: 'gicv2m-frame',
    origin: 'kernel',
    sourceFile: 'drivers/irqchip/irq-gic-v2m.c',
    format: 'range%pR, SPI[%d:%d]\n',
    prefix: 'GICv2m: ',
    needle: ', SPI[',
    pattern: /^GICv2m: range\[mem (?<value>0x[\da-f]+)-0x[\da-f]+(?: \w+)*\], SPI\[\d+:\d+\]$/,
    fault: 'msi-unisolated',
    level: 'info',
    meaning: 'A GICv2m frame handles MSIs: it turns them into shared interrupts without the sender ID, so it does not isolate them.',
    verifiedIn: BOTH,
  },
];
