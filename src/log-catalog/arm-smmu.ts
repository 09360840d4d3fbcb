/**
 * Arm SMMU: drivers/iommu/arm/arm-smmu/arm-smmu.c (SMMUv1/v2, also used by the NVIDIA and
 * Qualcomm variants) and drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c. Both print through
 * dev_printk on the SMMU's own platform device (`arm-smmu 15000000.iommu: `; an SMMU described by
 * ACPI IORT is `arm-smmu-v3.0.auto`, one from a device tree `9050000.smmuv3`), so those lines
 * name the stream ID, not a PCI address; the master's own lines (a stream clash) carry the PCI device.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const V3 = 'drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c';

export const ARM_SMMU: readonly LogCatalogEntry[] = [
  {
    id: 'arm-smmu-context-fault',
    origin: 'kernel',
    sourceFile: 'drivers/iommu/arm/arm-smmu/arm-smmu.c',
    format: 'Unhandled context fault: fsr=0x%x, iova=0x%08lx, fsynr=0x%x, cbfrsynra=0x%x, cb=%d\n',
    prefix: '<driver> <smmu device>: ',
    needle: 'Unhandled context fault: fsr=',
    pattern:
      /^[\w.-]+ [\w.:-]+: Unhandled context fault: fsr=0x[\da-f]+, iova=0x[\da-f]+, fsynr=0x[\da-f]+, cbfrsynra=(?<value>0x[\da-f]+), cb=\d+$/,
    fault: 'dma-fault',
    level: 'error',
    meaning: 'The SMMU blocked a DMA from the stream ID in cbfrsynra: an address its context does not map.',
    verifiedIn: BOTH,
  },
  {
    // Also arm-smmu-nvidia.c. A global fault is one no context bank took: with the firmware's
    // legacy "mmu-masters" binding or a device the SMMU does not know, its DMA is aborted here
    // (test/real-cases/cases/lore-linux-arm-kernel-2019-08-amd-seattle-smmu-legacy-binding-global-fault).
    id: 'arm-smmu-global-fault',
    origin: 'kernel',
    sourceFile: 'drivers/iommu/arm/arm-smmu/arm-smmu.c',
    format: 'Unexpected global fault, this could be serious\n',
    prefix: '<driver> <smmu device>: ',
    needle: 'Unexpected global fault, this could be serious',
    pattern: /^[\w.-]+ [\w.:-]+: Unexpected global fault, this could be serious$/,
    fault: 'dma-fault',
    level: 'error',
    meaning:
      'The SMMU faulted a transaction outside every context bank: a DMA from a stream it does not translate (often a device the firmware did not describe to it).',
    verifiedIn: BOTH,
  },
  {
    id: 'arm-smmu-unknown-stream',
    origin: 'kernel',
    sourceFile: 'drivers/iommu/arm/arm-smmu/arm-smmu.c',
    format: 'Blocked unknown Stream ID 0x%hx; boot with "arm-smmu.disable_bypass=0" to allow, but this may have security implications\n',
    prefix: '<driver> <smmu device>: ',
    needle: 'Blocked unknown Stream ID 0x',
    pattern: /^[\w.-]+ [\w.:-]+: Blocked unknown Stream ID (?<value>0x[\da-f]+);/,
    fault: 'dma-fault',
    level: 'error',
    meaning: 'A device without an SMMU context (no driver attached it) tried DMA and was blocked.',
    verifiedIn: BOTH,
  },
  {
    id: 'arm-smmu-v3-event',
    origin: 'kernel',
    sourceFile: V3,
    format: 'event 0x%02x received:\n',
    prefix: '<driver> <smmu device>: ',
    needle: ' received:',
    pattern: /^arm-smmu-v3 [\w.:-]+: event (?<value>0x[\da-f]{2}) received:$/,
    fault: 'dma-fault',
    level: 'info',
    meaning: 'The SMMUv3 reported a translation or permission event it could not hand to a fault handler.',
    verifiedIn: BOTH,
  },
  {
    // arm_smmu_device_hw_probe: the last line of a successful hardware probe (test/fixtures/lab-arm64/healthy-acpi-6.1).
    id: 'arm-smmu-v3-probed',
    origin: 'kernel',
    sourceFile: V3,
    format: 'ias %lu-bit, oas %lu-bit (features 0x%08x)\n',
    prefix: '<driver> <smmu device>: ',
    needle: '-bit, oas ',
    pattern: /^arm-smmu-v3 [\w.:-]+: ias (?<value>\d+)-bit, oas \d+-bit \(features 0x[\da-f]+\)$/,
    fault: 'iommu-enabled',
    level: 'info',
    meaning: 'An SMMUv3 the firmware describes (ACPI IORT or the device tree) was found and probed by the arm-smmu-v3 driver.',
    verifiedIn: BOTH,
  },
  {
    // arm_smmu_device_cfg_probe, right after "probing hardware configuration...".
    id: 'arm-smmu-probed',
    origin: 'kernel',
    sourceFile: 'drivers/iommu/arm/arm-smmu/arm-smmu.c',
    format: 'SMMUv%d with:\n',
    prefix: '<driver> <smmu device>: ',
    needle: ' with:',
    pattern: /^arm-smmu [\w.:-]+: SMMUv(?<value>[12]) with:$/,
    fault: 'iommu-enabled',
    level: 'notice',
    meaning: 'An SMMUv1/v2 the firmware describes was found and probed by the arm-smmu driver.',
    verifiedIn: BOTH,
  },
  {
    // arm_smmu_insert_master: a second device with the same stream ID (a DMA alias, e.g. the devices
    // behind a conventional PCI bridge, which all take the bridge's requester ID) is refused with
    // -EINVAL, so it joins no IOMMU group (test/fixtures/lab-arm64/bridge-alias-acpi-6.1).
    id: 'arm-smmu-v3-stream-in-tree',
    origin: 'kernel',
    sourceFile: V3,
    format: 'stream %u already in tree from dev %s\n',
    prefix: '<driver> <device>: ',
    needle: ' already in tree from dev ',
    pattern: /^[\w.-]+ (?<device>\S+): stream (?<value>\d+) already in tree from dev \S+$/,
    fault: 'vfio-no-iommu-group',
    level: 'warning',
    meaning:
      'The SMMUv3 refused the device: its stream ID (requester ID or DMA alias) already belongs to another device, so it gets no IOMMU group and VFIO cannot take it.',
    verifiedIn: BOTH,
  },
];
