/**
 * The IOMMU core, drivers/iommu/iommu.c (pr_fmt `iommu: `; its dev_printk lines carry the
 * device's own `<driver> <device>: `).
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12, LINUX_OLDER } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const CORE = 'drivers/iommu/iommu.c';

export const IOMMU_CORE: readonly LogCatalogEntry[] = [
  {
    id: 'iommu-group-added',
    origin: 'kernel',
    sourceFile: CORE,
    format: 'Adding to iommu group %d\n',
    prefix: '<driver> <device>: ',
    needle: 'Adding to iommu group ',
    pattern: /^[\w.-]+ (?<device>\S+): Adding to iommu group (?<group>\d+)$/,
    fault: 'group-added',
    level: 'info',
    meaning: 'The device joined this IOMMU group: the IOMMU is active and translates its DMA.',
    verifiedIn: BOTH,
  },
  {
    // The form of kernels before the core switched to dev_printk (4.x; pcengines/apu2-documentation issue 236).
    id: 'iommu-group-added-legacy',
    origin: 'kernel',
    sourceFile: CORE,
    format: 'Adding device %s to group %d\n',
    prefix: 'iommu: ',
    needle: 'Adding device ',
    pattern: /^iommu: Adding device (?<device>\S+) to group (?<group>\d+)$/,
    fault: 'group-added',
    level: 'info',
    meaning: 'The device joined this IOMMU group (format of older kernels).',
    verifiedIn: [LINUX_OLDER],
  },
  {
    id: 'iommu-group-add-failed',
    origin: 'kernel',
    sourceFile: CORE,
    format: 'Failed to add to iommu group %d: %d\n',
    prefix: '<driver> <device>: ',
    needle: 'Failed to add to iommu group ',
    pattern: /^[\w.-]+ (?<device>\S+): Failed to add to iommu group (?<group>\d+): (?<errno>-?\d+)$/,
    fault: 'vfio-no-iommu-group',
    level: 'error',
    meaning: 'The device could not join its IOMMU group, so vfio cannot use it.',
    verifiedIn: BOTH,
  },
  {
    // 6.1 prints `Default domain type: %s %s` (a trailing space when not set on the command line).
    id: 'iommu-default-domain',
    origin: 'kernel',
    sourceFile: CORE,
    format: 'Default domain type: %s%s\n',
    prefix: 'iommu: ',
    needle: 'Default domain type: ',
    pattern: /^iommu: Default domain type: (?<value>[\w-]+)/,
    fault: 'default-domain',
    level: 'info',
    meaning: 'The default DMA domain type: Passthrough (iommu=pt) or Translated.',
    verifiedIn: BOTH,
  },
  {
    // Replaces intel-iommu-rmrr-ineligible in newer kernels. Pastes often quote the message
    // alone (AltraMayor/gatekeeper issue 718), so the device prefix is optional.
    id: 'iommu-direct-mapping-required',
    origin: 'kernel',
    sourceFile: CORE,
    format:
      'Firmware has requested this device have a 1:1 IOMMU mapping, rejecting configuring the device without a 1:1 mapping. Contact your platform vendor.\n',
    prefix: '<driver> <device>: ',
    needle: 'Firmware has requested this device have a 1:1 IOMMU mapping',
    pattern:
      /^(?:[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): )?Firmware has requested this device have a 1:1 IOMMU mapping, rejecting configuring the device without a 1:1 mapping\./,
    fault: 'rmrr-refused',
    level: 'warning',
    meaning: 'The firmware reserves memory for this device (RMRR), so the kernel refuses to hand it to vfio.',
    verifiedIn: [LINUX_6_12],
  },
];
