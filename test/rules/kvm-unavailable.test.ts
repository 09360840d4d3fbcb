import rule from '../../rules/kvm-unavailable.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64: KVM is built in, /dev/kvm and "VHE mode initialized successfully"',
      sample: 'lab-arm64-healthy-acpi',
      expect: { subject: 'host', messageId: 'available', evidence: ['ls -l /dev/kvm', 'dmesg:275'] },
    },
    {
      name: 'arm64 without the /dev/kvm listing: the nVHE line says KVM started',
      sample: 'lab-arm64-group-shared-acpi',
      evidence: { 'dev-kvm': { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'available', evidence: ['dmesg:280'] },
    },
    {
      name: 'kvm_amd loaded and /dev/kvm present',
      sample: 'lab-amd-healthy',
      expect: { subject: 'host', messageId: 'available', evidence: ['/proc/modules', 'ls -l /dev/kvm'] },
    },
  ],
  fail: [
    {
      // A pasted log alone (no /dev/kvm listing, no uname): the line proves KVM never started.
      name: 'only the kernel lines of an arm64 phone booted at EL1 (real case)',
      loose: ['github-topnotchfreaks-kernel-msm-5-15-14-kvm-hyp-mode-el1/comment-2026-01-30-dmesg.txt'],
      expect: { subject: 'host', messageId: 'noHypMode', evidence: [':2'] },
    },
    {
      name: 'arm64 started at EL1: "HYP mode not available", no /dev/kvm',
      sample: 'lab-arm64-no-el2-acpi',
      expect: {
        subject: 'host',
        messageId: 'noHypMode',
        evidence: ['ls -l /dev/kvm', 'dmesg:268'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['virtualization=on'],
      },
    },
    {
      name: 'arm64: no /dev/kvm and no kernel log to say why',
      sample: 'lab-arm64-no-el2-acpi',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', messageId: 'missingArm', fixKinds: ['run', 'note', 'reboot', 'verify'] },
    },
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
      name: 'LoongArch without /dev/kvm: not judged yet',
      sample: 'lab-intel-healthy',
      evidence: { uname: { status: 'not-collected' }, cpuinfo: fx('architecture/loongson-3c6000-cpuinfo.txt') },
      expect: { subject: 'host', messageId: 'unsupported' },
    },
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
