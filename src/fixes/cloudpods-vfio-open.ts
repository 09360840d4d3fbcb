/**
 * What to do when QEMU, started by the Cloudpods host service, could not open a device's
 * /dev/vfio/<group> node: bring the card back on the bus, put it back on vfio-pci, or have vfio-pci
 * register its group again; then restart the host service and start the VM again. Addresses come
 * from the QEMU log, so each is checked before it reaches a command.
 */
import { checkIsolatedDevices, checkQemuLog, restartHostService } from './cloudpods.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { sh } from './shell.js';

function restart(): FixStep[] {
  return [
    ...restartHostService(),
    checkIsolatedDevices(),
    checkQemuLog('no "failed to open /dev/vfio" line after the VM is started again'),
  ];
}

function refused(address: string): Fix | null {
  return isIdentifier('pci-address', address)
    ? null
    : { summary: 'Look at the device by hand', steps: [rejectedNote('pci-address', address, 'Find the device by hand.')] };
}

export function bringBackOnBus(address: string): Fix {
  return (
    refused(address) ?? {
      summary: `Bring ${address} back on the bus`,
      steps: [
        {
          kind: 'run',
          command: sh`lspci -nnk -s ${address}; dmesg | grep -iE 'fallen off the bus|AER|Xid'`.shell,
          why: 'an empty lspci line or config space reading ff means the card is gone; the kernel log says why',
        },
        {
          kind: 'note',
          text: 'Reseat or power-cycle the card (a host power cycle, not a reboot, for a card that fell off the bus), check its power cables and slot, then let the host service probe again.',
        },
        ...restart(),
      ],
    }
  );
}

export function putBackOnVfio(address: string): Fix {
  return (
    refused(address) ?? {
      summary: `Put ${address} back on vfio-pci`,
      steps: [
        {
          kind: 'verify',
          command: sh`lspci -nnk -s ${address}`.shell,
          expect: 'Kernel driver in use: vfio-pci (the host service binds it at probe)',
        },
        ...restart(),
      ],
    }
  );
}

export function recreateGroupNode(address: string, group: string | null): Fix {
  return (
    refused(address) ?? {
      summary: `Recreate /dev/vfio/${group !== null && isIdentifier('count', group) ? group : 'N'}`,
      steps: [
        {
          kind: 'run',
          command:
            sh`echo ${address} > /sys/bus/pci/drivers/vfio-pci/unbind; echo ${address} > /sys/bus/pci/drivers/vfio-pci/bind; ls -l /dev/vfio`
              .shell,
          why: 'a rebind makes vfio-pci register the group again',
        },
        ...restart(),
      ],
    }
  );
}

/** The bundle has no PCI inventory: what to look at to tell which of the three it is. */
export function findWhyNodeMissing(address: string): Fix {
  return (
    refused(address) ?? {
      summary: `Find out why /dev/vfio had no node for ${address}`,
      steps: [
        {
          kind: 'run',
          command: sh`lspci -nnk -s ${address}; ls -l /dev/vfio; dmesg | grep -iE 'fallen off the bus|AER|Xid'`.shell,
          why: 'no line: the card is gone from the bus; a driver other than vfio-pci: the host service lost it; vfio-pci but no node: rebind it',
        },
        ...restart(),
      ],
    }
  );
}
