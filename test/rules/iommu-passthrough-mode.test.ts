import rule from '../../rules/iommu-passthrough-mode.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'iommu=pt: "Default domain type: Passthrough" in the log',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'passthrough', evidence: ['dmesg:'] },
    },
    { name: 'iommu=pt on AMD', sample: 'lab-amd-healthy', expect: { messageId: 'passthrough' } },
    {
      name: 'no kernel log: decided from iommu=pt on the command line',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' } },
      expect: { messageId: 'passthrough', evidence: ['/proc/cmdline:1'] },
    },
  ],
  fail: [
    {
      name: 'no iommu=pt: "Default domain type: Translated"',
      sample: 'lab-intel-default-on',
      expect: {
        messageId: 'translated',
        severity: 'info',
        evidence: ['/proc/cmdline:1', 'dmesg:'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify'],
        commands: ['update-grub', 'iommu=pt'],
      },
    },
  ],
  unknown: [
    {
      name: 'no /proc/cmdline',
      sample: 'lab-intel-default-on',
      evidence: { cmdline: { status: 'denied' } },
      expect: { collect: ['cmdline'] },
    },
  ],
  skip: [{ name: 'IOMMU off in the kernel', sample: 'lab-intel-kernel-off', expect: { messageId: 'noIommu' } }],
});
