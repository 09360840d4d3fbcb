import rule from '../../rules/vfio-noiommu-mode.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

// Chester-Gillon/fpga_sio: AlmaLinux 8 booted without intel_iommu=on; the author's script loads vfio
// with enable_unsafe_noiommu_mode and the kernel taints itself for each device.
const taint = fx('../real-cases/cases/github-chester-gillon-fpga-sio-alma8-no-intel-iommu-noiommu/dmesg-grep-taint.txt')
  .split('\n')
  .slice(1)
  .join('\n');
const labLog = fx('../../samples/lab-intel-healthy/evidence/commands/dmesg.out');

ruleTester(rule, {
  pass: [{ name: 'a healthy host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'off' } }],
  fail: [
    {
      name: 'the kernel taints itself for vfio-noiommu groups',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: `${labLog}${taint}` },
      expect: { subject: 'host', messageId: 'on', evidence: ['dmesg'], fixKinds: ['note', 'note'] },
    },
  ],
  unknown: [
    {
      name: 'no command line and no kernel log',
      sample: 'lab-intel-healthy',
      evidence: {
        cmdline: { status: 'denied' },
        dmesg: { status: 'denied' },
        'journal-kernel': { status: 'denied' },
        'var-log-dmesg': null,
        'kern-log': null,
      },
      expect: { subject: 'host', messageId: 'unknown' },
    },
  ],
});
