import rule from '../../rules/vfio-probe-failed.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'healthy host: vfio-pci bound the NIC',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'noFailure', subject: 'host', evidence: ['dmesg'] },
    },
  ],
  fail: [
    {
      name: 'no DMAR table: -22, the NIC has no IOMMU group; fix in the firmware',
      sample: 'lab-intel-firmware-off',
      expect: {
        messageId: 'failed',
        subject: '0000:01:00.0',
        evidence: ['dmesg:390', 'sysfs PCI inventory'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['intel-iommu,intremap=on'],
      },
    },
    {
      name: 'intel_iommu=off: -22; fix on the command line (Debian: update-grub)',
      sample: 'lab-intel-kernel-off',
      expect: {
        messageId: 'failed',
        subject: '0000:01:00.0',
        fixKinds: ['edit-file', 'run', 'reboot', 'verify', 'verify'],
        commands: ['update-grub'],
      },
    },
  ],
  unknown: [
    {
      name: 'a real log that starts 7.3 s after boot: no such line proves nothing',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lkml-hisi-grep-iommu-group.txt') },
      expect: { subject: 'host', messageId: 'logIncomplete', collect: ['journalctl -k -b'] },
    },

    {
      name: 'no kernel log collected',
      sample: 'lab-intel-firmware-off',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
