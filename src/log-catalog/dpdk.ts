/**
 * DPDK's VFIO setup, lib/eal/linux/eal_vfio.c (RTE_LOG with the `EAL: ` prefix; releases before
 * 20.11 indented the device with two spaces, `EAL:   0000:04:00.0 …`). Lines often arrive wrapped
 * by the application's own logger, so the patterns are embedded.
 */
import type { LogCatalogEntry } from './entry.js';
import { DPDK } from './versions.js';

const EAL = 'lib/eal/linux/eal_vfio.c';

export const DPDK_MESSAGES: readonly LogCatalogEntry[] = [
  {
    id: 'dpdk-vfio-group-not-viable',
    origin: 'dpdk',
    sourceFile: EAL,
    format: '%s VFIO group is not viable! Not all devices in IOMMU group bound to VFIO or unbound\n',
    prefix: 'EAL: ',
    needle: 'VFIO group is not viable!',
    pattern: /EAL: {1,3}(?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]) VFIO group is not viable!/,
    fault: 'vfio-group-not-viable',
    level: 'error',
    meaning: 'Another device of the same IOMMU group is bound to a host driver, so DPDK cannot use the device.',
    embedded: true,
    verifiedIn: [DPDK],
  },
  {
    id: 'dpdk-vfio-add-group-failed',
    origin: 'dpdk',
    sourceFile: EAL,
    format: '%s cannot add VFIO group to container, error %i (%s)\n',
    prefix: 'EAL: ',
    needle: 'cannot add VFIO group to container, error ',
    pattern:
      /EAL: {1,3}(?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]) cannot add VFIO group to container, error (?<errno>\d+) \((?<value>[^)]*)\)/,
    fault: 'vfio-container-failed',
    level: 'error',
    meaning: "The kernel refused to attach the device's group to DPDK's VFIO container.",
    embedded: true,
    verifiedIn: [DPDK],
  },
  {
    id: 'dpdk-vfio-dma-remap-failed',
    origin: 'dpdk',
    sourceFile: EAL,
    format: '%s DMA remapping failed, error %i (%s)\n',
    prefix: 'EAL: ',
    needle: 'DMA remapping failed, error ',
    pattern: /EAL: {1,3}(?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]) DMA remapping failed, error (?<errno>\d+) \((?<value>[^)]*)\)/,
    fault: 'dma-map-failed',
    level: 'error',
    meaning: "DPDK could not map its memory for the device's DMA.",
    embedded: true,
    verifiedIn: [DPDK],
  },
];
