/**
 * Create SR-IOV virtual functions now and at every boot.
 * - now: `echo N > /sys/bus/pci/devices/<PF>/sriov_numvfs` (Documentation/PCI/pci-iov-howto.rst);
 *   the PF's driver must be bound, since the driver implements sriov_configure;
 * - at boot: a udev rule on the PF's `bind` event (the kernel sends KOBJ_BIND when a driver binds a
 *   device, drivers/base/dd.c driver_bound(), since Linux 4.14; udev(7) `ACTION`, `DRIVER`, and the
 *   `ATTR{key}` assignment "the value that should be written to a sysfs attribute of the event
 *   device"). An `add` rule fires when the device appears, before its driver binds, so the write
 *   fails; /etc/sysfs.d (sysfsutils) runs once at boot with no ordering against the PF driver.
 * The driver in the rule is the name `lspci -nnk` prints as "Kernel driver in use", which is what
 * udev's DRIVER matches.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { editStep } from './initramfs.js';
import { sh } from './shell.js';

export function createVfsPersistently(_host: HostProfile, pf: PciDevice, count: number): Fix {
  const n = String(count);
  if (!isIdentifier('pci-address', pf.address))
    return { summary: 'Create the virtual functions by hand', steps: [rejectedNote('pci-address', pf.address, 'Create its VFs by hand.')] };
  if (!isIdentifier('count', n))
    return { summary: 'Create the virtual functions by hand', steps: [rejectedNote('count', n, 'Create its VFs by hand.')] };
  const attr = `/sys/bus/pci/devices/${pf.address}/sriov_numvfs`;
  const driver = pf.driver !== null && isIdentifier('driver', pf.driver) ? pf.driver : null;
  const persist: FixStep =
    driver !== null
      ? editStep('/etc/udev/rules.d/70-ptdoctor-sriov.rules', {
          op: 'lines',
          add: [`ACTION=="bind", SUBSYSTEM=="pci", KERNEL=="${pf.address}", DRIVER=="${driver}", ATTR{sriov_numvfs}="${n}"`],
          remove: [],
        })
      : {
          kind: 'note',
          text: `${pf.address} has no driver in the bundle: bind its own driver first, then write a udev rule on its bind event (ACTION=="bind", KERNEL=="${pf.address}", ATTR{sriov_numvfs}="${n}").`,
        };
  return {
    summary: `Create ${n} virtual function(s) on ${pf.address} now and at every boot`,
    steps: [
      { kind: 'run', command: sh`echo ${n} > ${attr}`.shell, why: 'creates the VFs now (the PF driver must be bound)' },
      persist,
      { kind: 'verify', command: sh`cat ${attr}; lspci -nn | grep -i 'virtual function'`.shell, expect: `${n}, and the VFs listed` },
    ],
    caveats: [
      `The PF's own driver must support SR-IOV (sriov_totalvfs is ${pf.sriovTotalVfs ?? '?'}); the VFs appear on the PF's bus with their own ids, which vfio-pci ids= or --device then name.`,
      'vfio-pci refuses a PF while it has VFs (error -16): pass the VFs, not the PF.',
      "A NIC manager that owns the card (NetworkManager's sriov.total-vfs, systemd-networkd's SR-IOVVirtualFunctions=) may set the count itself; use one mechanism, not both.",
    ],
  };
}
