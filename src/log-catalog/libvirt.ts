/**
 * libvirt's PCI passthrough errors: src/util/virpci.c and src/hypervisor/virhostdev.c (virReportError;
 * the printed text starts `internal error: ` or `Requested operation is not valid: `). Older libvirt
 * spells the formats `%s` instead of `%1$s`; the printed text is the same.
 */
import type { LogCatalogEntry } from './entry.js';
import { LIBVIRT, LIBVIRT_OLDER } from './versions.js';

const VIRPCI = 'src/util/virpci.c';

export const LIBVIRT_MESSAGES: readonly LogCatalogEntry[] = [
  {
    // The first %2$s is the error of the last reset tried, or the fallback text below.
    id: 'libvirt-pci-reset-failed',
    origin: 'libvirt',
    sourceFile: VIRPCI,
    format: 'Unable to reset PCI device %1$s: %2$s',
    needle: 'Unable to reset PCI device ',
    pattern: /Unable to reset PCI device (?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]): (?<value>[^\n'"]+)/,
    fault: 'reset-failed',
    level: 'error',
    meaning:
      'libvirt found no way to reset the device before assignment (with "no FLR, PM reset or bus reset available" the device offers none).',
    embedded: true,
    verifiedIn: [LIBVIRT, LIBVIRT_OLDER],
  },
  {
    id: 'libvirt-bus-reset-refused',
    origin: 'libvirt',
    sourceFile: VIRPCI,
    format: 'Active %1$s devices on bus with %2$s, not doing bus reset',
    needle: ', not doing bus reset',
    pattern:
      /Active (?<value>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]) devices on bus with (?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]), not doing bus reset/,
    fault: 'reset-blocked',
    level: 'error',
    meaning: 'A secondary bus reset would also reset a device still in use (value), so libvirt refused it.',
    embedded: true,
    verifiedIn: [LIBVIRT, LIBVIRT_OLDER],
  },
  {
    id: 'libvirt-pci-device-in-use',
    origin: 'libvirt',
    sourceFile: 'src/hypervisor/virhostdev.c',
    format: 'PCI device %1$s is in use by driver %2$s, domain %3$s',
    needle: ' is in use by driver ',
    pattern: /PCI device (?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7]) is in use by driver (?<module>\S+), domain (?<value>[^\n'"]+)/,
    fault: 'device-in-use',
    level: 'error',
    meaning: 'Another domain already holds this device.',
    embedded: true,
    verifiedIn: [LIBVIRT],
  },
  {
    id: 'libvirt-pci-driver-load-failed',
    origin: 'libvirt',
    sourceFile: VIRPCI,
    format: 'Failed to load PCI driver module %1$s',
    needle: 'Failed to load PCI driver module ',
    pattern: /Failed to load PCI driver module (?<module>[\w-]+)/,
    fault: 'probe-failed',
    level: 'error',
    meaning: 'libvirt could not load the stub driver (vfio-pci) it binds devices to.',
    embedded: true,
    verifiedIn: [LIBVIRT],
  },
  {
    id: 'libvirt-pci-unbind-failed',
    origin: 'libvirt',
    sourceFile: VIRPCI,
    format: "Failed to unbind PCI device '%1$s' from %2$s",
    needle: 'Failed to unbind PCI device ',
    pattern: /Failed to unbind PCI device '(?<device>[\da-f]{4}:[\da-f]{2}:[\da-f]{2}\.[0-7])' from (?<module>[\w-]+)/,
    fault: 'host-driver-holds-device',
    level: 'error',
    meaning: 'The host driver would not release the device, so it cannot be moved to vfio-pci.',
    embedded: true,
    verifiedIn: [LIBVIRT],
  },
];
