import rule from '../../rules/host-is-virtual-machine.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'systemd-detect-virt says none',
      sample: 'lab-intel-healthy',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'bareMetal' },
    },
  ],
  fail: [
    {
      name: 'arm64 device-tree boot (no DMI): QEMU virt board named by the device tree, with a virtual SMMUv3',
      sample: 'lab-arm64-healthy-dt',
      expect: { subject: 'host', messageId: 'withIommu', evidence: ['dmesg:4', 'ls /sys/class/iommu:1'], fixKinds: ['note', 'verify'] },
    },
    {
      name: 'arm64 ACPI VM without an SMMU: the outer QEMU needs iommu=smmuv3',
      sample: 'lab-arm64-no-smmu-acpi',
      expect: {
        subject: 'host',
        messageId: 'withoutIommu',
        evidence: ['cat /sys/class/dmi/id', '/sys/firmware/acpi/tables:6'],
        fixKinds: ['note', 'reboot', 'note', 'verify'],
        commands: ['iommu=smmuv3'],
      },
    },
    {
      name: 'QEMU guest with a virtual VT-d',
      sample: 'lab-intel-healthy',
      expect: {
        subject: 'host',
        messageId: 'withIommu',
        evidence: ['cat /sys/class/dmi/id', '/sys/firmware/acpi/tables'],
        fixKinds: ['note', 'verify'],
      },
    },
    {
      name: 'QEMU guest without a virtual IOMMU',
      sample: 'lab-intel-firmware-off',
      expect: { subject: 'host', messageId: 'withoutIommu', fixKinds: ['note', 'reboot', 'note', 'verify'] },
    },
  ],
  unknown: [
    {
      name: 'arm64 device-tree boot without the kernel log: no DMI, no CPU flag, nothing names the board',
      sample: 'lab-arm64-healthy-dt',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['Machine model'] },
    },
    {
      name: 'VM, but neither ACPI tables nor the boot log',
      sample: 'lab-intel-healthy',
      evidence: { 'acpi-tables': { status: 'denied' }, dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', messageId: 'iommuUnknown', collect: ['dmesg'] },
    },
  ],
});
