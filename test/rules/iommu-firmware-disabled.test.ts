import rule from '../../rules/iommu-firmware-disabled.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
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
      name: 'no table listing and no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { 'acpi-tables': { status: 'denied' }, dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
