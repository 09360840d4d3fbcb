import rule from '../../rules/vfio-modules-not-persistent.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'listed in /etc/modules-load.d/vfio.conf',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'persistent', evidence: ['/etc/modules-load.d/vfio.conf:'] },
    },
    {
      name: 'listed in /etc/modules (Proxmox docs)',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'etc-modules': fx('modules-load-d/pve-etc-modules.txt') },
      expect: { messageId: 'persistent', evidence: ['/etc/modules:'] },
    },
  ],
  fail: [
    {
      name: 'loaded by hand, nothing loads them at boot',
      sample: 'lab-vfio-not-persistent',
      expect: { messageId: 'notPersistent', evidence: ['/proc/modules:'], fixKinds: ['edit-file', 'verify'], commands: ['vfio_pci'] },
    },
    {
      name: '"options vfio-pci ids=" alone does not load vfio-pci',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-vfio-ids.conf') },
      expect: { messageId: 'notPersistent' },
    },
  ],
  unknown: [
    {
      name: 'no module list',
      sample: 'lab-vfio-not-persistent',
      evidence: { 'proc-modules': { status: 'denied' }, lsmod: { status: 'no-command' }, 'sys-module': { status: 'denied' } },
      expect: { collect: ['/proc/modules'] },
    },
  ],
  skip: [{ name: 'nothing loaded', sample: 'lab-vfio-modules-missing', expect: { messageId: 'notLoaded' } }],
});
