/**
 * AMD GPUs whose own reset does not work between VM runs (the "AMD reset bug") and which the
 * out-of-tree vendor-reset module resets instead. Device ids from gnif/vendor-reset
 * src/device-db.h (Polaris 10/11/12, Vega 10/20, Navi 10/12/14, Navi 23, Arcturus), vendor
 * 1002 (PCI_VENDOR_ID_ATI).
 */
import type { FixStep } from './fix.js';
import { sh } from './shell.js';

const FAMILIES: Readonly<Record<string, readonly string[]>> = {
  'Polaris 10': ['67c0', '67c1', '67c2', '67c4', '67c7', '67d0', '67df', '67c8', '67c9', '67ca', '67cc', '67cf', '6fdf'],
  'Polaris 11': ['67e0', '67e3', '67e8', '67eb', '67ef', '67ff', '67e1', '67e7', '67e9'],
  'Polaris 12': ['6980', '6981', '6985', '6986', '6987', '6995', '6997', '699f'],
  'Vega 10': ['6860', '6861', '6862', '6863', '6864', '6867', '6868', '6869', '686a', '686b', '686c', '686d', '686e', '686f', '687f'],
  'Vega 20': ['66a0', '66a1', '66a2', '66a3', '66a4', '66a7', '66af', '164c', '738c'],
  'Navi 10': ['7310', '7312', '7318', '7319', '731a', '731b', '731e', '731f', '15bf', '15dd', '15de', '15e7', '1636', '1638'],
  'Navi 14': ['7340', '7341', '7347', '734f'],
  'Navi 12': ['7360', '7362'],
  'Navi 23': ['73ff'],
};

/** The vendor-reset family of an AMD GPU, or null when vendor-reset does not handle it. */
export function vendorResetFamily(vendor: string, device: string): string | null {
  if (vendor !== '1002') return null;
  for (const [family, ids] of Object.entries(FAMILIES)) if (ids.includes(device)) return family;
  return null;
}

export function vendorResetSteps(address: string): FixStep[] {
  return [
    {
      kind: 'note',
      text: 'Install the vendor-reset kernel module (github.com/gnif/vendor-reset, DKMS) and load it at boot: add vendor-reset to /etc/modules-load.d/vendor-reset.conf.',
    },
    {
      kind: 'run',
      command: sh`echo device_specific > /sys/bus/pci/devices/${address}/reset_method`.shell,
      why: 'on kernels 5.15+ the vendor-specific reset must be selected per device (a udev rule makes it persistent)',
    },
    { kind: 'verify', command: sh`cat /sys/bus/pci/devices/${address}/reset_method`.shell, expect: 'device_specific' },
  ];
}
