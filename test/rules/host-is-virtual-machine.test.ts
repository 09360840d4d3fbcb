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
      name: 'VM, but neither ACPI tables nor the boot log',
      sample: 'lab-intel-healthy',
      evidence: { 'acpi-tables': { status: 'denied' }, dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', messageId: 'iommuUnknown', collect: ['dmesg'] },
    },
  ],
});
