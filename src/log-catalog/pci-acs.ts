/**
 * ACS, which decides how finely devices split into IOMMU groups: the config_acs= parameter
 * (drivers/pci/pci.c, 6.11+), the chipset ACS quirks (drivers/pci/quirks.c), and the out-of-tree
 * pcie_acs_override patch many distribution kernels carry.
 */
import type { LogCatalogEntry } from './entry.js';
import { ACS_OVERRIDE_PATCH, LINUX_6_1, LINUX_6_12 } from './versions.js';

const QUIRKS = 'drivers/pci/quirks.c';

export const PCI_ACS: readonly LogCatalogEntry[] = [
  {
    id: 'acs-override-enabled',
    origin: 'kernel',
    sourceFile: QUIRKS,
    format: 'Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA\n',
    needle: 'PCIe ACS overrides enabled',
    pattern: /^Warning: PCIe ACS overrides enabled; This may allow non-IOMMU protected peer-to-peer DMA$/,
    fault: 'acs-override',
    level: 'warning',
    meaning: 'pcie_acs_override= is in effect: IOMMU groups are split by assumption, not by hardware isolation.',
    verifiedIn: [ACS_OVERRIDE_PATCH],
  },
  {
    id: 'acs-quirk-intel-pch',
    origin: 'kernel',
    sourceFile: QUIRKS,
    format: 'Intel PCH root port ACS workaround enabled\n',
    prefix: '<driver> <device>: ',
    needle: 'root port ACS workaround enabled',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Intel (?:SPT )?PCH root port ACS workaround enabled$/,
    fault: 'acs-quirk',
    level: 'info',
    meaning: 'The kernel enabled the chipset-specific isolation of this Intel PCH root port, so devices below it get their own groups.',
    verifiedIn: [LINUX_6_1, LINUX_6_12],
  },
  {
    id: 'acs-quirk-intel-pch-failed',
    origin: 'kernel',
    sourceFile: QUIRKS,
    format: 'Failed to enable Intel PCH ACS quirk\n',
    prefix: '<driver> <device>: ',
    needle: 'Failed to enable Intel PCH ACS quirk',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Failed to enable Intel PCH ACS quirk$/,
    fault: 'acs-quirk',
    level: 'warning',
    meaning: 'The Intel PCH root-port isolation could not be enabled, so devices below this port share an IOMMU group.',
    verifiedIn: [LINUX_6_1, LINUX_6_12],
  },
  {
    id: 'acs-config-unparsable',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pci.c',
    format: "PCI: Can't parse ACS command line parameter\n",
    needle: "Can't parse ACS command line parameter",
    pattern: /^PCI: Can't parse ACS command line parameter$/,
    fault: 'kernel-param-rejected',
    level: 'info',
    meaning: 'The config_acs= (or disable_acs_redir=) value could not be parsed and was ignored.',
    verifiedIn: [LINUX_6_12],
  },
  {
    id: 'acs-config-invalid-flags',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pci.c',
    format: 'Invalid ACS flags specified\n',
    prefix: '<driver> <device>: ',
    needle: 'Invalid ACS flags specified',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Invalid ACS flags specified$/,
    fault: 'kernel-param-rejected',
    level: 'error',
    meaning: 'config_acs= names ACS bits this device cannot take; its ACS is left as it was.',
    verifiedIn: [LINUX_6_12],
  },
];
