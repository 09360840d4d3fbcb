import rule from '../../rules/vfio-modules-missing.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'vfio, vfio_iommu_type1, vfio_pci loaded',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'loaded', evidence: ['/proc/modules:'] },
    },
  ],
  fail: [
    {
      name: 'none loaded (6.1)',
      sample: 'lab-vfio-modules-missing',
      expect: {
        messageId: 'missing',
        fixKinds: ['run', 'edit-file', 'verify'],
        commands: ['modprobe -a vfio vfio_iommu_type1 vfio_pci', 'vfio_virqfd'],
      },
    },
  ],
  unknown: [
    {
      name: 'no module list',
      sample: 'lab-intel-healthy',
      evidence: { 'proc-modules': { status: 'denied' }, lsmod: { status: 'no-command' }, 'sys-module': { status: 'denied' } },
      expect: { collect: ['/proc/modules'] },
    },
  ],
});
