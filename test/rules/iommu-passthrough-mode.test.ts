import rule from '../../rules/iommu-passthrough-mode.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64 with iommu.passthrough=1: the kernel reports the Passthrough default domain',
      sample: 'lab-arm64-passthrough-acpi',
      expect: { subject: 'host', messageId: 'passthrough', evidence: ['dmesg:237'] },
    },
    {
      name: 'iommu=pt: "Default domain type: Passthrough" in the log',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'passthrough', evidence: ['dmesg:'] },
    },
    { name: 'iommu=pt on AMD', sample: 'lab-amd-healthy', expect: { subject: 'host', messageId: 'passthrough' } },
    {
      name: 'no kernel log: decided from iommu=pt on the command line',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' } },
      expect: { subject: 'host', messageId: 'passthrough', evidence: ['/proc/cmdline:1'] },
    },
  ],
  fail: [
    {
      name: 'arm64: the suggestion is iommu.passthrough=1 (arm64 has no iommu=)',
      sample: 'lab-arm64-healthy-acpi',
      expect: { subject: 'host', messageId: 'translated', evidence: ['dmesg:237'], commands: ['iommu.passthrough=1', 'update-grub'] },
    },
    {
      name: 'no iommu=pt: "Default domain type: Translated"',
      sample: 'lab-intel-default-on',
      expect: {
        subject: 'host',
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
      // AlmaLinux 8.7 on a Core i5-2310 (no VT-d): only /proc/cmdline was pasted, no IOMMU state at all.
      name: 'a pasted command line without iommu=pt, nothing about the IOMMU',
      loose: ['github-chester-gillon-fpga-sio-i5-2310-no-vtd-noiommu/proc-cmdline.txt'],
      expect: { subject: 'host', messageId: 'iommuUnknown', collect: ['ls /sys/class/iommu'] },
    },
    {
      name: 'no /proc/cmdline and no kernel log to read it from',
      sample: 'lab-intel-default-on',
      evidence: {
        cmdline: { status: 'denied' },
        dmesg: { status: 'denied' },
        'journal-kernel': { status: 'denied' },
        'var-log-dmesg': null,
        'kern-log': null,
      },
      expect: { subject: 'host', collect: ['cmdline'] },
    },
  ],
  skip: [{ name: 'IOMMU off in the kernel', sample: 'lab-intel-kernel-off', expect: { subject: 'host', messageId: 'noIommu' } }],
});
