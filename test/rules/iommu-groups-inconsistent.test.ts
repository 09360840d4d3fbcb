import rule from '../../rules/iommu-groups-inconsistent.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const kernelOff = '../../samples/lab-intel-kernel-off/evidence/commands';

ruleTester(rule, {
  pass: [
    {
      name: 'sysfs groups match the boot log',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'consistent', evidence: ['iommu_groups', 'dmesg:'] },
    },
    { name: 'IOMMU off: neither side has groups', sample: 'lab-intel-kernel-off', expect: { subject: 'host', messageId: 'consistent' } },
  ],
  fail: [
    {
      name: 'boot log adds devices to groups, sysfs listings empty',
      sample: 'lab-intel-healthy',
      evidence: { 'iommu-groups': fx(`${kernelOff}/iommu-groups.out`), 'sys-class-iommu': fx(`${kernelOff}/sys-class-iommu.out`) },
      expect: { subject: 'host', messageId: 'noGroups', evidence: ['dmesg:', 'iommu_groups'], fixKinds: ['note', 'verify'] },
    },
    {
      name: "groups listing of another boot (lab-group-shared) against this boot's log",
      sample: 'lab-intel-healthy',
      evidence: { 'iommu-groups': fx('../../samples/lab-group-shared/evidence/commands/iommu-groups.out') },
      expect: { subject: 'host', messageId: 'mismatch', evidence: ['dmesg:'], fixKinds: ['note', 'verify'] },
    },
  ],
  unknown: [
    {
      // kholia/OSX-KVM notes: a pasted listing of some groups beside the boot log's group lines of all devices.
      name: 'a pasted listing of some groups and a grep of the log: nothing to hold the listing against',
      loose: [
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/dmesg-grep-iommu.txt',
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/dmesg-grep-vfio.txt',
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/etc-modprobe-blacklist.txt',
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/etc-modprobe-vfio-conf.txt',
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/iommu-groups.txt',
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nkk-d-1002-67df.txt',
        'github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nnk-grep-amd.txt',
      ],
      expect: { subject: 'host', messageId: 'logRotated' },
    },
    {
      name: 'kernel log missing',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
    {
      name: 'ring buffer rotated',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/marvell-dmar-fault-old.txt') },
      expect: { subject: 'host', messageId: 'logRotated', collect: ['journalctl -k -b'] },
    },
  ],
  skip: [
    {
      name: 'groups known only from the log',
      sample: 'lab-intel-healthy',
      evidence: { 'iommu-groups': { status: 'denied' }, 'sys-class-iommu': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'notComparable' },
    },
  ],
});
