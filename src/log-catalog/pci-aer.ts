/**
 * PCIe Advanced Error Reporting and Downstream Port Containment: drivers/pci/pcie/aer.c
 * (pr_fmt and dev_fmt `AER: `), err.c (dev_fmt `AER: `), dpc.c (dev_fmt `DPC: `). The severity
 * strings were `Uncorrected (Fatal)` / `Uncorrected (Non-Fatal)` up to 6.1 and are
 * `Uncorrectable (…)` in 6.12; patterns accept both. Lines printed by a port carry the port's
 * address in `device` and the erring function's address in `value`.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12, LINUX_OLDER } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const AER = 'drivers/pci/pcie/aer.c';

export const PCI_AER: readonly LogCatalogEntry[] = [
  {
    id: 'aer-fatal-received',
    origin: 'kernel',
    sourceFile: AER,
    format: '%s%s error message received from %04x:%02x:%02x.%d\n',
    prefix: '<driver> <port>: AER: ',
    needle: ' error message received from ',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: (?:Multiple )?Uncorrect(?:ed|able) \(Fatal\) error message received from (?<value>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])$/,
    fault: 'aer-fatal',
    level: 'info',
    meaning:
      'A fatal uncorrectable PCIe error reached this port from the device in value; the link is reset and the device is lost to its user.',
    verifiedIn: BOTH,
  },
  {
    id: 'aer-nonfatal-received',
    origin: 'kernel',
    sourceFile: AER,
    format: '%s%s error message received from %04x:%02x:%02x.%d\n',
    prefix: '<driver> <port>: AER: ',
    needle: ' error message received from ',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: (?:Multiple )?Uncorrect(?:ed|able) \(Non-Fatal\) error message received from (?<value>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])$/,
    fault: 'aer-nonfatal',
    level: 'info',
    meaning: 'A non-fatal uncorrectable PCIe error reached this port from the device in value.',
    verifiedIn: BOTH,
  },
  {
    id: 'aer-fatal-received-legacy',
    origin: 'kernel',
    sourceFile: AER,
    format: '%s%s error received: %04x:%02x:%02x.%d\n',
    prefix: '<driver> <port>: AER: ',
    needle: ' error received: ',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: (?:Multiple )?Uncorrected \(Fatal\) error received: (?<value>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])$/,
    fault: 'aer-fatal',
    level: 'info',
    meaning: 'A fatal uncorrectable PCIe error reached this port from the device in value (format of 4.19 to 5.x kernels).',
    verifiedIn: [LINUX_OLDER],
  },
  {
    id: 'aer-nonfatal-received-legacy',
    origin: 'kernel',
    sourceFile: AER,
    format: '%s%s error received: %04x:%02x:%02x.%d\n',
    prefix: '<driver> <port>: AER: ',
    needle: ' error received: ',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: (?:Multiple )?Uncorrected \(Non-Fatal\) error received: (?<value>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])$/,
    fault: 'aer-nonfatal',
    level: 'info',
    meaning: 'A non-fatal uncorrectable PCIe error reached this port from the device in value (format of 4.19 to 5.x kernels).',
    verifiedIn: [LINUX_OLDER],
  },
  {
    id: 'aer-fatal-received-id',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pcie/aer/aerdrv_errprint.c',
    format: 'AER: %s%s error received: id=%04x\n',
    prefix: '<driver> <port>: ',
    needle: ' error received: id=',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: (?:Multiple )?Uncorrected \(Fatal\) error received: id=(?<value>[\da-f]{4})$/,
    fault: 'aer-fatal',
    level: 'info',
    meaning:
      'A fatal uncorrectable PCIe error reached this port; value is the requester id (bus << 8 | devfn) (format of kernels before 4.19).',
    verifiedIn: [LINUX_OLDER],
  },
  {
    id: 'aer-nonfatal-received-id',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pcie/aer/aerdrv_errprint.c',
    format: 'AER: %s%s error received: id=%04x\n',
    prefix: '<driver> <port>: ',
    needle: ' error received: id=',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: (?:Multiple )?Uncorrected \(Non-Fatal\) error received: id=(?<value>[\da-f]{4})$/,
    fault: 'aer-nonfatal',
    level: 'info',
    meaning: 'A non-fatal uncorrectable PCIe error reached this port; value is the requester id (format of kernels before 4.19).',
    verifiedIn: [LINUX_OLDER],
  },
  {
    // Kernels before 4.19 print `…, id=%04x(%s)` after the type (matched too).
    id: 'aer-fatal-bus-error',
    origin: 'kernel',
    sourceFile: AER,
    format: 'PCIe Bus Error: severity=%s, type=%s, (%s)\n',
    prefix: '<driver> <device>: ',
    needle: 'PCIe Bus Error: severity=',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): (?:AER: )?PCIe Bus Error: severity=Uncorrect(?:ed|able) \(Fatal\), type=(?<value>[\w ]+),/,
    fault: 'aer-fatal',
    level: 'error',
    meaning: 'This device reported a fatal uncorrectable PCIe error; the link below its port is reset.',
    verifiedIn: BOTH,
  },
  {
    id: 'aer-nonfatal-bus-error',
    origin: 'kernel',
    sourceFile: AER,
    format: 'PCIe Bus Error: severity=%s, type=%s, (%s)\n',
    prefix: '<driver> <device>: ',
    needle: 'PCIe Bus Error: severity=',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): (?:AER: )?PCIe Bus Error: severity=Uncorrect(?:ed|able) \(Non-Fatal\), type=(?<value>[\w ]+),/,
    fault: 'aer-nonfatal',
    level: 'error',
    meaning: 'This device reported a non-fatal uncorrectable PCIe error (a transaction was lost).',
    verifiedIn: BOTH,
  },
  {
    id: 'aer-recovery-failed',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pcie/err.c',
    format: 'device recovery failed\n',
    prefix: '<driver> <port>: AER: ',
    needle: 'device recovery failed',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: device recovery failed$/,
    fault: 'aer-recovery-failed',
    level: 'info',
    meaning: 'Error recovery below this port failed: the devices there stay unusable until a reset or reboot.',
    verifiedIn: BOTH,
  },
  {
    id: 'aer-no-error-handler',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pcie/err.c',
    format: "can't recover (no error_detected callback)\n",
    prefix: '<driver> <device>: AER: ',
    needle: "can't recover (no error_detected callback)",
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): AER: can't recover \(no error_detected callback\)$/,
    fault: 'aer-recovery-failed',
    level: 'info',
    meaning: "This device's driver has no AER handler, so recovery of the hierarchy fails.",
    verifiedIn: BOTH,
  },
  {
    id: 'dpc-containment',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pcie/dpc.c',
    format: 'containment event, status:%#06x, %s received from %04x:%02x:%02x.%d\n',
    prefix: '<driver> <port>: DPC: ',
    needle: 'containment event, status:',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): DPC: containment event, status:0x[\da-f]{4}, (?:ERR_FATAL|ERR_NONFATAL) received from (?<value>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])$/,
    fault: 'aer-fatal',
    level: 'warning',
    meaning: 'The port cut the link to contain an uncorrectable error from the device in value.',
    verifiedIn: [LINUX_6_12],
  },
  {
    id: 'dpc-containment-legacy',
    origin: 'kernel',
    sourceFile: 'drivers/pci/pcie/dpc.c',
    format: 'containment event, status:%#06x source:%#06x\n',
    prefix: '<driver> <port>: DPC: ',
    needle: 'containment event, status:',
    pattern:
      /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): DPC: containment event, status:0x[\da-f]{4} source:(?<value>0x[\da-f]{4})$/,
    fault: 'aer-fatal',
    level: 'info',
    meaning: 'The port cut the link to contain an uncorrectable error; value is the requester id of the source.',
    verifiedIn: [LINUX_6_1],
  },
];
