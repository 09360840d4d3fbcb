import rule from '../../rules/sriov-vfs-not-created.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'SR-IOV NVMe with no VF asked for',
      sample: 'lab-sriov-no-vfs',
      expect: { messageId: 'fine', subject: '0000:02:00.0', evidence: ['sysfs PCI inventory'] },
    },
  ],
  fail: [
    {
      name: "--device names the first VF address on the PF's bus (Debian: sysfsutils)",
      sample: 'lab-sriov-no-vfs',
      devices: ['0000:02:00.1'],
      expect: {
        messageId: 'missingVfs',
        subject: '0000:02:00.0',
        severity: 'info',
        fixKinds: ['run', 'edit-file', 'verify'],
        commands: ['echo 1 > /sys/bus/pci/devices/0000:02:00.0/sriov_numvfs', 'ATTR{sriov_numvfs}="1"'],
      },
    },
    {
      name: 'same on a RHEL-like host: a udev rule',
      sample: 'lab-sriov-no-vfs',
      devices: ['0000:02:00.1'],
      evidence: { 'os-release': fx('os-release/fedora-32-man-example.txt') },
      expect: {
        subject: '0000:02:00.0',
        messageId: 'missingVfs',
        fixKinds: ['run', 'edit-file', 'verify'],
        commands: ['ATTR{sriov_numvfs}="1"'],
      },
    },
  ],
  unknown: [
    {
      name: 'only lspci, no sysfs inventory',
      sample: 'lab-sriov-no-vfs',
      evidence: { 'pci-sysfs': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'noSysfs', collect: ['sriov_totalvfs'] },
    },
  ],
  skip: [
    { name: 'no SR-IOV device on the healthy lab host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'noSriov' } },
  ],
});
