/**
 * Driver probe results, drivers/base/dd.c (call_driver_probe). -ENODEV and -ENXIO are only
 * debug messages; every other error is printed.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const DD = 'drivers/base/dd.c';

export const DRIVER_CORE: readonly LogCatalogEntry[] = [
  {
    id: 'driver-probe-failed',
    origin: 'kernel',
    sourceFile: DD,
    format: '%s: probe of %s failed with error %d\n',
    needle: ' failed with error ',
    pattern: /^(?<module>[\w.-]+): probe of (?<device>\S+) failed with error (?<errno>-?\d+)$/,
    fault: 'probe-failed',
    level: 'warning',
    meaning: 'The driver refused the device (for vfio-pci, -22 usually means the device has no IOMMU group).',
    verifiedIn: [LINUX_6_1],
  },
  {
    id: 'driver-probe-with-driver-failed',
    origin: 'kernel',
    sourceFile: DD,
    format: 'probe with driver %s failed with error %d\n',
    prefix: '<bus driver> <device>: ',
    needle: 'probe with driver ',
    pattern: /^[\w.-]+ (?<device>\S+): probe with driver (?<module>[\w.-]+) failed with error (?<errno>-?\d+)$/,
    fault: 'probe-failed',
    level: 'error',
    meaning: 'The named driver refused the device (for vfio-pci, -22 usually means the device has no IOMMU group).',
    verifiedIn: [LINUX_6_12],
  },
];
