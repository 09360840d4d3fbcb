import rule from '../../rules/group-not-viable.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'NIC alone in its group behind its own root port',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'viable', subject: '0000:01:00.0', evidence: ['sysfs PCI inventory'] },
    },
    {
      name: 'ICH9 SATA function named with --device: its group siblings have no driver',
      sample: 'lab-group-shared',
      devices: ['0000:00:1f.2'],
      expect: { messageId: 'viable', subject: '0000:00:1f.2' },
    },
  ],
  fail: [
    {
      name: 'two e1000 behind one conventional PCI bridge: 03:02.0 stays on e1000',
      sample: 'lab-group-shared',
      expect: {
        messageId: 'blocked',
        subject: '0000:03:01.0',
        evidence: ['sysfs PCI inventory'],
        fixKinds: ['note', 'firmware', 'reboot', 'verify'],
        commands: ['ACS', 'ls /sys/kernel/iommu_groups/4/devices'],
      },
    },
  ],
  unknown: [
    {
      name: 'IOMMU off in the firmware: no groups',
      sample: 'lab-intel-firmware-off',
      expect: { messageId: 'noGroups', subject: '0000:01:00.0', collect: ['/sys/kernel/iommu_groups'] },
    },
  ],
});
