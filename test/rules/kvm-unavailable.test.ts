import rule from '../../rules/kvm-unavailable.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'kvm_amd loaded and /dev/kvm present',
      sample: 'lab-amd-healthy',
      expect: { messageId: 'available', evidence: ['/proc/modules', 'ls -l /dev/kvm'] },
    },
  ],
  fail: [
    {
      name: 'AMD guest with svm but kvm_amd not loaded',
      sample: 'lab-amd-iommu-on-invalid',
      expect: {
        messageId: 'missing',
        evidence: ['ls -l /dev/kvm'],
        fixKinds: ['run', 'edit-file', 'verify'],
        commands: ['modprobe kvm_amd'],
      },
    },
    {
      name: 'Intel guest without vmx: the module cannot load',
      sample: 'lab-intel-healthy',
      expect: {
        messageId: 'missingNoCpuSupport',
        evidence: ['ls -l /dev/kvm', '/proc/cpuinfo'],
        fixKinds: ['firmware', 'reboot', 'verify'],
      },
    },
  ],
  unknown: [
    {
      name: 'neither /dev/kvm nor the module list',
      sample: 'lab-intel-healthy',
      evidence: {
        'dev-kvm': { status: 'denied' },
        'proc-modules': { status: 'denied' },
        lsmod: { status: 'no-command' },
        'sys-module': { status: 'denied' },
      },
      expect: { collect: ['ls -l /dev/kvm'] },
    },
  ],
});
