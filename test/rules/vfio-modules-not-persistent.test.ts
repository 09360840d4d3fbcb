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
      name: 'loaded by hand, nothing loads them at boot',
      sample: 'lab-vfio-not-persistent',
      expect: {
        subject: 'host',
        messageId: 'notPersistent',
        evidence: ['/proc/modules:'],
        fixKinds: ['edit-file', 'verify'],
        commands: ['vfio_pci'],
      },
    },
    {
      name: '"options vfio-pci ids=" alone does not load vfio-pci',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-vfio-ids.conf') },
      expect: { subject: 'host', messageId: 'notPersistent' },
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
