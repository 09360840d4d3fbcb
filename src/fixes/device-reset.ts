/**
 * What to do about a device that does not reset.
 * - AMD GPUs on the vendor-reset list: the vendor-reset module (src/fixes/vendor-reset.ts).
 * - "Unable to change power state from D3cold to D0", or a device that stopped answering the AMD
 *   IOMMU's invalidations (IOTLB_INV_TIMEOUT: a GPU vfio-pci had put in D3hot while idle, the VFIO
 *   maintainer's answer on the kvm list, test/real-cases/cases/lore-kvm-2023-02-x570-hd7790-…):
 *   keep idle vfio-pci devices out of D3 (vfio-pci module parameter disable_idle_d3,
 *   drivers/vfio/pci/vfio_pci.c).
 * - otherwise: choose another method through /sys/bus/pci/devices/<addr>/reset_method (5.15+,
 *   Documentation/ABI/testing/sysfs-bus-pci) and power-cycle the host to recover the device.
 */
import type { HostProfile, PciDevice } from '../facts/model.js';
import type { ResetFailure } from '../facts/device-log.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { editStep, rebuildInitramfs } from './initramfs.js';
import { sh } from './shell.js';
import { vendorResetFamily, vendorResetSteps } from './vendor-reset.js';

export function resetFix(host: HostProfile, dev: PciDevice | null, address: string, failures: readonly ResetFailure[]): Fix {
  if (!isIdentifier('pci-address', address))
    return {
      summary: 'Recover the device and avoid the failing reset',
      steps: [rejectedNote('pci-address', address, 'Look at its reset_method by hand.')],
    };
  const family = dev ? vendorResetFamily(dev.vendor, dev.device) : null;
  if (family)
    return {
      summary: `Reset the AMD ${family} GPU with vendor-reset`,
      steps: vendorResetSteps(address),
      caveats: ['Power-cycle the host once to recover the GPU from the failed reset.'],
    };
  const steps: FixStep[] = [];
  // The option reaches vfio-pci when the module loads: from the initramfs on hosts that load it there.
  if (failures.some((f) => f.problem === 'power-inaccessible' || f.problem === 'iommu-invalidation-timeout'))
    steps.push(
      editStep('/etc/modprobe.d/vfio.conf', {
        op: 'modprobe-option',
        module: 'vfio-pci',
        option: 'disable_idle_d3',
        add: ['1'],
        remove: [],
        removeOption: false,
      }),
      ...rebuildInitramfs(host),
      { kind: 'reboot' },
      { kind: 'verify', command: 'cat /sys/module/vfio_pci/parameters/disable_idle_d3', expect: 'Y' },
    );
  steps.push(
    {
      kind: 'run',
      command: sh`cat /sys/bus/pci/devices/${address}/reset_method`.shell,
      why: 'lists the reset methods the kernel offers for this device',
    },
    {
      kind: 'note',
      text: `If FLR is what fails, try another listed method first: echo bus > /sys/bus/pci/devices/${address}/reset_method (kernels 5.15+).`,
    },
    {
      kind: 'note',
      text: 'Power-cycle the host (a full power-off, not a reboot) to bring the device back; update the device firmware if the vendor offers one.',
    },
  );
  return { summary: `Recover ${address} and avoid the failing reset`, steps };
}

export function noResetFix(dev: PciDevice): Fix {
  if (!isIdentifier('pci-address', dev.address))
    return {
      summary: 'Plan for the device having no reset',
      steps: [rejectedNote('pci-address', dev.address, 'Look at its reset_method by hand.')],
    };
  return {
    summary: `Plan for ${dev.address} having no reset`,
    steps: [
      {
        kind: 'note',
        text: 'Give the device to one VM per host boot, or move it to a slot where it is alone below its bridge so a secondary bus reset becomes possible.',
      },
      { kind: 'verify', command: sh`cat /sys/bus/pci/devices/${dev.address}/reset_method`.shell, expect: 'lists flr, pm or bus' },
    ],
  };
}
