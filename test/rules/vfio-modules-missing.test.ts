import rule from '../../rules/vfio-modules-missing.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'vfio, vfio_iommu_type1, vfio_pci loaded',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'loaded', evidence: ['/proc/modules:'] },
    },
  ],
  fail: [
    {
      name: 'not in the module list, /sys/module unknown, but the kernel configuration builds them as modules',
      sample: 'lab-vfio-modules-missing',
      evidence: { 'sys-module': { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'missing' },
    },
    {
      name: 'none loaded (6.1)',
      sample: 'lab-vfio-modules-missing',
      expect: {
        subject: 'host',
        messageId: 'missing',
        fixKinds: ['run', 'edit-file', 'verify'],
        commands: ['modprobe -a vfio vfio_iommu_type1 vfio_pci', 'vfio_virqfd'],
      },
    },
  ],
  unknown: [
    {
      // A pasted lsmod without vfio: without /sys/module or the kernel configuration, a VFIO built
      // into the kernel (it shows no module) cannot be told from a missing one.
      name: 'not in the module list, built-in state unknown',
      sample: 'lab-vfio-modules-missing',
      evidence: { 'sys-module': { status: 'not-collected' }, 'kernel-config': { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'undecided', collect: ['/sys/module', 'VFIO /boot/config'] },
    },
    {
      name: 'no module list',
      sample: 'lab-intel-healthy',
      evidence: { 'proc-modules': { status: 'denied' }, lsmod: { status: 'no-command' }, 'sys-module': { status: 'denied' } },
      expect: { subject: 'host', collect: ['/proc/modules'] },
    },
  ],
});
