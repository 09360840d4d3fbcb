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
      name: 'arm64: the SMMUv3 refused a device behind a PCI bridge (stream ID already in tree): -22',
      sample: 'lab-arm64-bridge-alias-acpi',
      expect: {
        messageId: 'failed',
        subject: '0000:03:01.0',
        evidence: ['dmesg:406', 'dmesg:382'],
        fixKinds: ['note', 'reboot', 'verify', 'verify'],
        commands: ['pcie-root-port'],
      },
    },
    {
      name: 'arm64 VM without an SMMU: -22, a virtual SMMU in the outer QEMU',
      sample: 'lab-arm64-no-smmu-acpi',
      expect: {
        messageId: 'failed',
        subject: '0000:01:00.0',
        evidence: ['dmesg:346'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['iommu=smmuv3'],
      },
    },
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
