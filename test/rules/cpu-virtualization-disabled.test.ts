import rule from '../../rules/cpu-virtualization-disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'AMD guest CPU with svm',
      sample: 'lab-amd-healthy',
      expect: { subject: 'host', messageId: 'present', evidence: ['/proc/cpuinfo'] },
    },
  ],
  fail: [
    {
      name: 'Intel lab guest under TCG: no vmx, hypervisor flag set',
      sample: 'lab-intel-healthy',
      expect: {
        messageId: 'missingInVm',
        subject: 'host',
        evidence: ['/proc/cpuinfo'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['vmx'],
      },
    },
    {
      name: 'systemd-detect-virt says bare metal: VT-x in the firmware setup',
      sample: 'lab-intel-healthy',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'missing', fixKinds: ['firmware', 'reboot', 'verify'], commands: ['VT-x'] },
    },
  ],
  unknown: [
    {
      name: 'no /proc/cpuinfo',
      sample: 'lab-intel-healthy',
      evidence: { cpuinfo: { status: 'denied' } },
      expect: { subject: 'host', collect: ['/proc/cpuinfo'] },
    },
  ],
});
