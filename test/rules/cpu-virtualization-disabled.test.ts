import rule from '../../rules/cpu-virtualization-disabled.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64: all CPUs started at EL2',
      sample: 'lab-arm64-healthy-acpi',
      expect: { subject: 'host', messageId: 'el2', evidence: ['dmesg:126'] },
    },
    {
      name: 'arm64 nVHE (Cortex-A57): EL2 as well',
      sample: 'lab-arm64-group-shared-acpi',
      expect: { subject: 'host', messageId: 'el2', evidence: ['dmesg:121'] },
    },
    {
      name: 'AMD guest CPU with svm',
      sample: 'lab-amd-healthy',
      expect: { subject: 'host', messageId: 'present', evidence: ['/proc/cpuinfo'] },
    },
  ],
  fail: [
    {
      // platform9/express#206: `dmesg | grep kvm` of a host whose firmware locks VT-x off (kvm-ok: "KVM (vmx) is disabled by your BIOS").
      name: 'KVM refused at start-up, "kvm: disabled by bios" (a pasted grep, no cpuinfo)',
      loose: ['github-platform9-express-206-kvm-disabled-by-bios/dmesg-grep-kvm.txt'],
      expect: { subject: 'host', messageId: 'lockedByFirmware', evidence: ['(dmesg):2'], fixKinds: ['firmware', 'reboot', 'verify'] },
    },
    {
      // No uname, no cpuinfo: lines only an arm64 kernel prints make it an arm64 host.
      name: 'only the kernel lines of an arm64 phone booted at EL1 (real case)',
      loose: ['github-topnotchfreaks-kernel-msm-5-15-14-kvm-hyp-mode-el1/comment-2026-01-30-dmesg.txt'],
      expect: { subject: 'host', messageId: 'el1', evidence: [':1', ':2'] },
    },
    {
      name: 'arm64 VM started at EL1 (QEMU virtualization=off): HYP mode not available',
      sample: 'lab-arm64-no-el2-acpi',
      expect: {
        subject: 'host',
        messageId: 'el1InVm',
        evidence: ['dmesg:124', 'dmesg:268'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['virtualization=on', 'started at EL'],
      },
    },
    {
      name: 'arm64 bare metal started at EL1: the firmware must enter the kernel at EL2',
      sample: 'lab-arm64-no-el2-acpi',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'el1', fixKinds: ['firmware', 'reboot', 'verify'], commands: ['EL2'] },
    },
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
      name: 'arm64 without a kernel log: no CPU flag can tell',
      sample: 'lab-arm64-no-el2-acpi',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', messageId: 'elUnknown', collect: ['started at EL'] },
    },
    {
      name: 'LoongArch: not supported yet',
      sample: 'lab-intel-healthy',
      evidence: { uname: { status: 'not-collected' }, cpuinfo: fx('architecture/loongson-3c6000-cpuinfo.txt') },
      expect: { subject: 'host', messageId: 'unsupported' },
    },
    {
      name: 'no /proc/cpuinfo',
      sample: 'lab-intel-healthy',
      evidence: { cpuinfo: { status: 'denied' } },
      expect: { subject: 'host', collect: ['/proc/cpuinfo'] },
    },
  ],
});
