import rule from '../../rules/kvm-unavailable.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'kvm_amd loaded and /dev/kvm present',
      sample: 'lab-amd-healthy',
      expect: { subject: 'host', messageId: 'available', evidence: ['/proc/modules', 'ls -l /dev/kvm'] },
    },
  ],
  fail: [
    {
      name: 'AMD guest with svm but kvm_amd not loaded',
      sample: 'lab-amd-iommu-on-invalid',
      expect: {
        subject: 'host',
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
        subject: 'host',
        messageId: 'missingNoCpuSupport',
        evidence: ['ls -l /dev/kvm', '/proc/cpuinfo'],
        fixKinds: ['note', 'reboot', 'verify'],
      },
    },
  ],
  unknown: [
    {
      // A sosreport or a pasted ticket: no /dev/kvm listing, and no KVM module in the list. KVM may
      // be built into the kernel (it then shows no module), so this must not read as "no KVM".
      name: '/dev/kvm not collected and no KVM module listed',
      sample: 'lab-intel-healthy',
      evidence: { 'dev-kvm': { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'undecided', collect: ['ls -l /dev/kvm'] },
    },
    {
      name: 'neither /dev/kvm nor the module list',
      sample: 'lab-intel-healthy',
      evidence: {
        'dev-kvm': { status: 'denied' },
        'proc-modules': { status: 'denied' },
        lsmod: { status: 'no-command' },
        'sys-module': { status: 'denied' },
      },
      expect: { subject: 'host', collect: ['ls -l /dev/kvm'] },
    },
  ],
});
