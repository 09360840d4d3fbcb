/**
 * Create SR-IOV virtual functions now and at every boot.
 * - now: `echo N > /sys/bus/pci/devices/<PF>/sriov_numvfs` (Documentation/PCI/pci-iov-howto.rst);
 * - Debian/Proxmox: the sysfsutils package, `/etc/sysfs.d/*.conf` with
 *   `bus/pci/devices/<PF>/sriov_numvfs = N` (pve-docs qm-pci-passthrough.adoc, "SR-IOV");
 * - elsewhere: a udev rule that writes the attribute when the PF appears (udev(7), `ATTR{key}`
 *   assignment: "the value that should be written to a sysfs attribute of the event device").
 */
import type { HostProfile, PciDevice } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';

export function createVfsPersistently(host: HostProfile, pf: PciDevice, count: number): Fix {
  const attr = `/sys/bus/pci/devices/${pf.address}/sriov_numvfs`;
  const persist: FixStep[] =
    host.distro === 'debian-like' || host.distro === 'proxmox'
      ? [
          { kind: 'run', command: 'apt install sysfsutils', why: 'applies /etc/sysfs.d at every boot' },
          {
            kind: 'edit-file',
            path: '/etc/sysfs.d/sriov.conf',
            change: `add the line: bus/pci/devices/${pf.address}/sriov_numvfs = ${count}`,
          },
        ]
      : [
          {
            kind: 'edit-file',
            path: '/etc/udev/rules.d/70-sriov.rules',
            change: `add the line: ACTION=="add", SUBSYSTEM=="pci", KERNEL=="${pf.address}", ATTR{sriov_numvfs}="${count}"`,
          },
        ];
  return {
    summary: `Create ${count} virtual function(s) on ${pf.address} now and at every boot`,
    steps: [
      { kind: 'run', command: `echo ${count} > ${attr}`, why: 'creates the VFs now' },
      ...persist,
      { kind: 'verify', command: `cat ${attr}; lspci -nn | grep -i 'virtual function'`, expect: `${count}, and the VFs listed` },
    ],
    caveats: [
      `The PF's own driver must support SR-IOV (sriov_totalvfs is ${pf.sriovTotalVfs ?? '?'}); the VFs appear on the PF's bus with their own ids, which vfio-pci ids= or --device then name.`,
      'vfio-pci refuses a PF while it has VFs (error -16): pass the VFs, not the PF.',
    ],
  };
}
