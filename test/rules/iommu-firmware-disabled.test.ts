import rule from '../../rules/iommu-firmware-disabled.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64 ACPI server: IORT with an SMMUv3, its unit in /sys/class/iommu',
      sample: 'lab-arm64-healthy-acpi',
      expect: { subject: 'host', messageId: 'presentSmmu', evidence: ['ls /sys/class/iommu:1'] },
    },
    {
      name: 'arm64 device-tree boot: the SMMUv3 unit',
      sample: 'lab-arm64-healthy-dt',
      expect: { subject: 'host', messageId: 'presentSmmu', evidence: ['ls /sys/class/iommu:1'] },
    },
    {
      name: 'Intel host with a DMAR table',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'present', evidence: ['/sys/firmware/acpi/tables'] },
    },
    { name: 'AMD host with an IVRS table', sample: 'lab-amd-healthy', expect: { subject: 'host', messageId: 'present' } },
    {
      name: 'table listing missing: decided from the boot log',
      sample: 'lab-intel-healthy',
      evidence: { 'acpi-tables': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'present', evidence: ['dmesg:'] },
    },
  ],
  fail: [
    {
      name: 'arm64 ACPI VM without an SMMU: IORT maps only the ITS; the outer QEMU needs iommu=smmuv3',
      sample: 'lab-arm64-no-smmu-acpi',
      expect: {
        subject: 'host',
        messageId: 'missingSmmuInVm',
        evidence: ['ls /sys/firmware/acpi/tables:6', 'grep IOMMU/VFIO/KVM lines of /boot/config-$(uname -r):'],
        fixKinds: ['note', 'reboot', 'note', 'verify', 'verify'],
        commands: ['iommu=smmuv3', 'ls /sys/class/iommu'],
      },
    },
    {
      name: 'arm64 device tree without an SMMU node',
      sample: 'lab-arm64-no-smmu-dt',
      expect: { subject: 'host', messageId: 'missingSmmuInVm', evidence: ['find /sys/firmware/devicetree/base'] },
    },
    {
      name: 'arm64 bare metal without an SMMU: the firmware option as Kunpeng/TaiShan BIOS spell it',
      sample: 'lab-arm64-no-smmu-acpi',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'missingSmmu', fixKinds: ['firmware', 'reboot', 'verify'], commands: ['Support Smmu'] },
    },
    {
      name: 'VM without a virtual IOMMU; "DMAR: IOMMU enabled" cited as misleading',
      sample: 'lab-intel-firmware-off',
      expect: {
        subject: 'host',
        messageId: 'missingInVm',
        evidence: ['/sys/firmware/acpi/tables', 'dmesg:'],
        fixKinds: ['note', 'reboot', 'note', 'verify', 'verify'],
      },
    },
    {
      name: 'bare-metal Intel host: VT-d in the firmware setup',
      sample: 'lab-intel-firmware-off',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'missing', fixKinds: ['firmware', 'reboot', 'verify'], commands: ['VT-d'] },
    },
  ],
  unknown: [
    {
      name: 'arm64 IORT without an SMMU unit, but no kernel configuration to show the driver is built in',
      sample: 'lab-arm64-no-smmu-acpi',
      evidence: { 'kernel-config': null },
      expect: { subject: 'host', collect: ['ARM_SMMU'] },
    },
    {
      name: 'LoongArch: not supported yet, never judged with x86 tables',
      sample: 'lab-intel-firmware-off',
      evidence: { uname: { status: 'not-collected' }, cpuinfo: fx('architecture/loongson-3c6000-cpuinfo.txt') },
      expect: { subject: 'host' },
    },
    {
      name: 'no table listing and no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { 'acpi-tables': { status: 'denied' }, dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
