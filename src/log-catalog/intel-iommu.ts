/**
 * Intel VT-d, drivers/iommu/intel/iommu.c (pr_fmt and dev_fmt `DMAR: `), and the RMRR check of
 * arch/x86/include/asm/iommu.h, which the driver includes and so prints under `DMAR: `.
 * `FW_BUG` is `[Firmware Bug]: `.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12, PUBLISHED_OUTPUT } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const IOMMU = 'drivers/iommu/intel/iommu.c';

export const INTEL_IOMMU: readonly LogCatalogEntry[] = [
  {
    // intel_iommu_map() (pr_err) and, in 6.1, prepare_domain_attach_device() (dev_err, with the
    // device); kernels before the DMAR: prefix print the function name first
    // (test/real-cases/cases/github-micronssd-unvme-4-ivybridge-vtd-39bit-iova).
    id: 'intel-iommu-width-exceeded',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: '%s: iommu width (%d) is not sufficient for the mapped address (%llx)\n',
    prefix: 'DMAR: ',
    needle: 'is not sufficient for the mapped address',
    pattern:
      /^(?:[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): )?(?:DMAR: )?\w+: iommu width \((?<value>\d+)\) is not sufficient for the mapped address \([\da-f]+\)$/,
    fault: 'iommu-width-exceeded',
    level: 'error',
    meaning:
      'A DMA mapping reached above the address width this VT-d unit translates, so the IOMMU refused it (VFIO_IOMMU_MAP_DMA fails with -EFAULT).',
    verifiedIn: [...BOTH, PUBLISHED_OUTPUT],
  },
  {
    id: 'intel-iommu-enabled',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: 'IOMMU enabled\n',
    prefix: 'DMAR: ',
    needle: 'IOMMU enabled',
    pattern: /^DMAR: IOMMU enabled$/,
    fault: 'iommu-enabled',
    level: 'info',
    meaning: 'intel_iommu=on was read from the kernel command line (the hardware still has to be found for DMA remapping to start).',
    verifiedIn: BOTH,
  },
  {
    id: 'intel-iommu-disabled',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: 'IOMMU disabled\n',
    prefix: 'DMAR: ',
    needle: 'IOMMU disabled',
    pattern: /^DMAR: IOMMU disabled$/,
    fault: 'iommu-disabled',
    level: 'info',
    meaning: 'intel_iommu=off on the kernel command line turned VT-d off.',
    verifiedIn: BOTH,
  },
  {
    id: 'intel-iommu-platform-opt-in',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: 'Intel-IOMMU force enabled due to platform opt in\n',
    prefix: 'DMAR: ',
    needle: 'Intel-IOMMU force enabled due to platform opt in',
    pattern: /^DMAR: Intel-IOMMU force enabled due to platform opt in$/,
    fault: 'iommu-enabled',
    level: 'info',
    meaning: 'The firmware asked for DMA protection (DMAR opt-in flag), so VT-d was turned on although the kernel default is off.',
    verifiedIn: BOTH,
  },
  {
    id: 'intel-iommu-vtd-initialized',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: 'Intel(R) Virtualization Technology for Directed I/O\n',
    prefix: 'DMAR: ',
    needle: 'Intel(R) Virtualization Technology for Directed I/O',
    pattern: /^DMAR: Intel\(R\) Virtualization Technology for Directed I\/O$/,
    fault: 'iommu-enabled',
    level: 'info',
    meaning: 'intel_iommu_init() finished: VT-d DMA remapping is active.',
    verifiedIn: BOTH,
  },
  {
    id: 'intel-iommu-unknown-option',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: "Unknown option - '%s'\n",
    prefix: 'DMAR: ',
    needle: 'Unknown option - ',
    pattern: /^DMAR: Unknown option - '(?<value>[^']*)'$/,
    fault: 'kernel-param-rejected',
    level: 'notice',
    meaning: 'An intel_iommu= value the kernel does not know was ignored.',
    verifiedIn: BOTH,
  },
  {
    // 6.12 prints the iommu core's 1:1-mapping message instead (iommu-core.ts). Kernels before
    // dev_fmt print it without `DMAR: ` (test/fixtures/dmesg/relax-rmrr-readme.txt).
    id: 'intel-iommu-rmrr-ineligible',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: 'Device is ineligible for IOMMU domain attach due to platform RMRR requirement.  Contact your platform vendor.\n',
    prefix: '<driver> <device>: DMAR: ',
    needle: 'Device is ineligible for IOMMU domain attach',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): (?:DMAR: )?Device is ineligible for IOMMU domain attach due to platform RMRR requirement\. {1,2}Contact your platform vendor\.$/,
    fault: 'rmrr-refused',
    level: 'warning',
    meaning: 'The firmware reserves memory (RMRR) for this device, so VT-d refuses to give it to a VM domain.',
    verifiedIn: [LINUX_6_1],
  },
  {
    id: 'intel-iommu-bad-rmrr',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: '[Firmware Bug]: Your BIOS is broken; bad RMRR [%#018Lx-%#018Lx]\nBIOS vendor: %s; Ver: %s; Product Version: %s\n',
    prefix: 'DMAR: ',
    needle: 'Your BIOS is broken; bad RMRR',
    pattern: /^DMAR: \[Firmware Bug\]: Your BIOS is broken; bad RMRR \[(?<value>0x[\da-f]+-0x[\da-f]+)\]/,
    fault: 'firmware-table-broken',
    level: 'warning',
    meaning: 'An RMRR in the firmware DMAR table is malformed; devices it covers may fault or be refused.',
    verifiedIn: BOTH,
  },
  {
    id: 'intel-iommu-rmrr-not-reserved',
    origin: 'kernel',
    sourceFile: 'arch/x86/include/asm/iommu.h',
    format: '[Firmware Bug]: No firmware reserved region can cover this RMRR [%#018Lx-%#018Lx], contact BIOS vendor for fixes\n',
    prefix: 'DMAR: ',
    needle: 'No firmware reserved region can cover this RMRR',
    pattern: /^DMAR: \[Firmware Bug\]: No firmware reserved region can cover this RMRR \[(?<value>0x[\da-f]+-0x[\da-f]+)\]/,
    fault: 'firmware-table-broken',
    level: 'error',
    meaning: 'An RMRR of the DMAR table lies outside every region the firmware reserved in its memory map.',
    verifiedIn: BOTH,
  },
  {
    id: 'intel-iommu-qat-wrong-unit',
    origin: 'kernel',
    sourceFile: IOMMU,
    format: '[Firmware Bug]: BIOS assigned incorrect VT-d unit for Intel(R) QuickData Technology device\n',
    prefix: 'DMAR: ',
    needle: 'BIOS assigned incorrect VT-d unit',
    pattern: /^DMAR: \[Firmware Bug\]: BIOS assigned incorrect VT-d unit for Intel\(R\) QuickData Technology device$/,
    fault: 'firmware-table-broken',
    level: 'warning',
    meaning: 'The DMAR table puts the QuickData (IOAT) device under the wrong VT-d unit.',
    verifiedIn: BOTH,
  },
];
