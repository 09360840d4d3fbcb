import rule from '../../rules/vfio-modules-not-persistent.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'listed in /etc/modules-load.d/vfio.conf',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'persistent', evidence: ['/etc/modules-load.d/vfio.conf:'] },
    },
    {
      name: 'listed in /etc/modules (Proxmox docs)',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'etc-modules': fx('modules-load-d/pve-etc-modules.txt') },
      expect: { subject: 'host', messageId: 'persistent', evidence: ['/etc/modules:'] },
    },
  ],
  fail: [
    {
      // sysfs: 0000:01:00.0 driver=vfio-pci, driver_override=vfio-pci; no vfio-pci ids=, no install line.
      name: 'loaded by hand and 01:00.0 bound by driver_override: the modules and the binding made persistent',
      sample: 'lab-vfio-not-persistent',
      expect: {
        subject: 'host',
        messageId: 'handBound',
        evidence: ['/proc/modules:', 'sysfs PCI inventory of /sys/bus/pci/devices/*:95'],
        fixKinds: ['edit-file', 'edit-file', 'edit-file', 'edit-file', 'edit-file', 'run', 'reboot', 'verify', 'verify', 'verify'],
        commands: ['update-initramfs -u -k all', 'lspci -nnk -s 0000:01:00.0'],
      },
    },
    {
      // Without the sysfs inventory nothing shows a driver_override: only the modules are made persistent.
      name: 'loaded by hand, nothing loads them at boot, no driver_override known',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'pci-sysfs': null },
      expect: {
        subject: 'host',
        messageId: 'notPersistent',
        evidence: ['/proc/modules:'],
        fixKinds: ['edit-file', 'verify'],
        commands: ['vfio_pci'],
      },
    },
    {
      // The ids (1234:5678, 4321:8765) do not name 01:00.0 [8086:10d3], so its binding is not persistent either.
      name: '"options vfio-pci ids=" alone does not load vfio-pci',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-vfio-ids.conf') },
      expect: { subject: 'host', messageId: 'handBound' },
    },
  ],
  unknown: [
    {
      // A non-root collection: /etc/modprobe.d readable, but a dracut drop-in denied could hold force_drivers.
      name: 'a module configuration file could not be read',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'dracut-conf-d': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'configIncomplete', collect: ['dracut.conf.d'] },
    },
    {
      name: 'no module list',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'proc-modules': { status: 'denied' }, lsmod: { status: 'no-command' }, 'sys-module': { status: 'denied' } },
      expect: { subject: 'host', collect: ['/proc/modules'] },
    },
  ],
  skip: [{ name: 'nothing loaded', sample: 'lab-vfio-modules-missing', expect: { subject: 'host', messageId: 'notLoaded' } }],
});
