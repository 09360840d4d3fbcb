/**
 * Arm SMMU: drivers/iommu/arm/arm-smmu/arm-smmu.c (SMMUv1/v2, also used by the NVIDIA and
 * Qualcomm variants) and drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c. Both print through
 * dev_printk on the SMMU's own platform device (`arm-smmu 15000000.iommu: `), so the line names
 * the stream ID, not a PCI address.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];

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
    sourceFile: 'drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c',
    format: 'event 0x%02x received:\n',
    prefix: '<driver> <smmu device>: ',
    needle: ' received:',
    pattern: /^arm-smmu-v3 [\w.:-]+: event (?<value>0x[\da-f]{2}) received:$/,
    fault: 'dma-fault',
    level: 'info',
    meaning: 'The SMMUv3 reported a translation or permission event it could not hand to a fault handler.',
    verifiedIn: BOTH,
  },
];
