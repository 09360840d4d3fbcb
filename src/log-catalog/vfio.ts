/**
 * The kernel's vfio: drivers/vfio/vfio_iommu_type1.c (no pr_fmt: lines start with the function
 * name), drivers/vfio/pci/vfio_pci.c (pr_fmt `vfio_pci: `), vfio_pci_core.c, group.c (vfio_main.c
 * before 6.2) and vfio_main.c.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const TYPE1 = 'drivers/vfio/vfio_iommu_type1.c';
const VFIO_PCI = 'drivers/vfio/pci/vfio_pci.c';

export const VFIO: readonly LogCatalogEntry[] = [
  {
    id: 'vfio-no-interrupt-remapping',
    origin: 'kernel',
    sourceFile: TYPE1,
    format:
      '%s: No interrupt remapping support.  Use the module param "allow_unsafe_interrupts" to enable VFIO IOMMU support on this platform\n',
    needle: 'No interrupt remapping support.',
    pattern:
      /^\w+: No interrupt remapping support\. {1,2}Use the module param "allow_unsafe_interrupts" to enable VFIO IOMMU support on this platform$/,
    fault: 'msi-not-isolated',
    level: 'warning',
    meaning: "The group's MSIs are not isolated (no interrupt remapping), so vfio refused to attach it (EPERM to the VMM).",
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-memlock-exceeded',
    origin: 'kernel',
    sourceFile: TYPE1,
    format: '%s: RLIMIT_MEMLOCK (%ld) exceeded\n',
    needle: 'RLIMIT_MEMLOCK (',
    pattern: /^\w+: RLIMIT_MEMLOCK \((?<value>\d+)\) exceeded$/,
    fault: 'memlock-exceeded',
    level: 'warning',
    meaning: "Pinning guest memory for DMA went past the VMM's locked-memory limit (bytes in value), so the DMA mapping failed.",
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-memlock-exceeded-task',
    origin: 'kernel',
    sourceFile: TYPE1,
    format: '%s: Task %s (%d) RLIMIT_MEMLOCK (%ld) exceeded\n',
    needle: ') RLIMIT_MEMLOCK (',
    pattern: /^\w+: Task .{1,64} \(\d+\) RLIMIT_MEMLOCK \((?<value>\d+)\) exceeded$/,
    fault: 'memlock-exceeded',
    level: 'warning',
    meaning: 'Pinning memory for the named task went past its locked-memory limit (bytes in value).',
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-pci-invalid-id',
    origin: 'kernel',
    sourceFile: VFIO_PCI,
    format: 'invalid id string "%s"\n',
    prefix: 'vfio_pci: ',
    needle: 'invalid id string "',
    pattern: /^vfio_pci: invalid id string "(?<value>[^"]*)"$/,
    fault: 'module-param-rejected',
    level: 'warning',
    meaning: 'An entry of vfio-pci.ids= is not vendor:device[:subvendor…] hex, so that id is not claimed.',
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-pci-dynamic-id-failed',
    origin: 'kernel',
    sourceFile: VFIO_PCI,
    format: 'failed to add dynamic id [%04x:%04x[%04x:%04x]] class %#08x/%08x (%d)\n',
    prefix: 'vfio_pci: ',
    needle: 'failed to add dynamic id [',
    pattern:
      /^vfio_pci: failed to add dynamic id \[(?<value>[\da-f]{4}:[\da-f]{4})\[[\da-f]{4,8}:[\da-f]{4,8}\]\] class 0x[\da-f]+\/[\da-f]+ \((?<errno>-?\d+)\)$/,
    fault: 'module-param-rejected',
    level: 'warning',
    meaning: 'vfio-pci could not register an id from its ids= parameter (-17: it was already registered).',
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-pci-denylisted',
    origin: 'kernel',
    sourceFile: VFIO_PCI,
    format: '%04x:%04x exists in vfio-pci device denylist, driver probing disallowed.\n',
    prefix: '<driver> <device>: ',
    needle: 'exists in vfio-pci device denylist',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): (?<value>[\da-f]{4}:[\da-f]{4}) exists in vfio-pci device denylist, driver probing disallowed\.$/,
    fault: 'vfio-device-denied',
    level: 'warning',
    meaning: 'vfio-pci refuses this device model (known errata) unless disable_denylist=1 is set.',
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-pci-pf-sriov-enabled',
    origin: 'kernel',
    sourceFile: 'drivers/vfio/pci/vfio_pci_core.c',
    format: 'Cannot bind to PF with SR-IOV enabled\n',
    prefix: '<driver> <device>: ',
    needle: 'Cannot bind to PF with SR-IOV enabled',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Cannot bind to PF with SR-IOV enabled$/,
    fault: 'probe-failed',
    level: 'warning',
    meaning: 'vfio-pci will not take a PF whose VFs are enabled; disable the VFs first.',
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-runtime-resume-failed',
    origin: 'kernel',
    sourceFile: 'drivers/vfio/vfio_main.c',
    format: 'vfio: runtime resume failed %d\n',
    prefix: '<driver> <device>: ',
    needle: 'runtime resume failed ',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): vfio: runtime resume failed (?<errno>-?\d+)$/,
    fault: 'power-state-failed',
    level: 'info',
    meaning: 'vfio could not wake the device from runtime suspend (D3cold) when it was opened.',
    verifiedIn: BOTH,
  },
  {
    id: 'vfio-noiommu-taint',
    origin: 'kernel',
    sourceFile: 'drivers/vfio/group.c',
    format: 'Adding kernel taint for vfio-noiommu group on device\n',
    prefix: '<driver> <device>: ',
    needle: 'Adding kernel taint for vfio-noiommu group on device',
    pattern: /^[\w.-]+ (?<device>\S+): Adding kernel taint for vfio-noiommu group on device$/,
    fault: 'iommu-absent',
    level: 'warning',
    meaning: 'vfio runs this device without an IOMMU (enable_unsafe_noiommu_mode): no DMA isolation and no VM passthrough.',
    verifiedIn: BOTH,
  },
];
