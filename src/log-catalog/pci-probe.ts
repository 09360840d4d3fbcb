/**
 * PCI enumeration: drivers/pci/probe.c pci_setup_device. A device whose configuration reads
 * return all ones (no answer) shows header type 0x7f (0xff without the multi-function bit) and is
 * ignored: a virtual function at a device number above 0 behind a port without ARI, a link that is
 * down, a device that fell off the bus. libvirt reads the same header before assigning a device
 * (src/util/virpci.c virPCIDeviceReadClass's caller) and refuses it.
 */
import type { LogCatalogEntry } from './entry.js';
import { LIBVIRT, LIBVIRT_OLDER, LINUX_6_1, LINUX_6_12 } from './versions.js';

export const PCI_PROBE: readonly LogCatalogEntry[] = [
  {
    id: 'pci-unknown-header-type',
    origin: 'kernel',
    sourceFile: 'drivers/pci/probe.c',
    format: 'unknown header type %02x, ignoring device\n',
    prefix: '<driver> <device>: ',
    needle: 'unknown header type ',
    pattern: /^[\w.-]+ (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): unknown header type (?<value>[\da-f]{2}), ignoring device$/,
    fault: 'config-space-unreadable',
    level: 'error',
    meaning: 'The kernel read an unknown header type (7f: all ones, the device does not answer) and ignored the device.',
    verifiedIn: [LINUX_6_1, LINUX_6_12],
  },
  {
    id: 'libvirt-pci-unknown-header-type',
    origin: 'libvirt',
    sourceFile: 'src/util/virpci.c',
    format: "Unknown PCI header type '%1$d' for device '%2$s'",
    needle: 'Unknown PCI header type ',
    pattern: /Unknown PCI header type '(?<value>\d{1,3})' for device '(?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7])'/,
    fault: 'config-space-unreadable',
    level: 'error',
    meaning: 'libvirt read an unknown header type (127 is 0x7f: all ones, the device does not answer) and refused to assign the device.',
    embedded: true,
    verifiedIn: [LIBVIRT, LIBVIRT_OLDER],
  },
];
