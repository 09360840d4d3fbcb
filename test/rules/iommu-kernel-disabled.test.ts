import rule from '../../rules/iommu-kernel-disabled.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const kernelOff = 'lab-intel-kernel-off';

ruleTester(rule, {
  pass: [
    { name: 'Intel, intel_iommu=on', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'enabled', evidence: ['iommu'] } },
    {
      name: 'Intel without intel_iommu=, Debian default-on kernel',
      sample: 'lab-intel-default-on',
      expect: { subject: 'host', messageId: 'enabled' },
    },
    { name: 'AMD, on by default', sample: 'lab-amd-healthy', expect: { subject: 'host', messageId: 'enabled' } },
  ],
  fail: [
    {
      name: 'intel_iommu=off on the command line',
      sample: kernelOff,
      expect: {
        subject: 'host',
        messageId: 'disabledByParam',
        evidence: ['/sys/firmware/acpi/tables', '/proc/cmdline:1'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify', 'verify'],
        commands: ['update-grub', 'intel_iommu=on', 'intel_iommu=off'],
      },
    },
    {
      name: 'no intel_iommu= on a kernel built default-off',
      sample: kernelOff,
      evidence: {
        cmdline: fx('../../samples/lab-intel-default-on/evidence/proc/cmdline'),
        'kernel-config': fx('kernel-config/x86_64-defconfig-iommu.txt'),
      },
      expect: { subject: 'host', messageId: 'notDefaultOn', evidence: ['/proc/cmdline:1', 'uname -r):3'], commands: ['intel_iommu=on'] },
    },
    {
      name: 'table present, no groups, nothing on the command line explains it',
      sample: kernelOff,
      evidence: { cmdline: fx('../../samples/lab-intel-default-on/evidence/proc/cmdline') },
      expect: { subject: 'host', messageId: 'unexplained', fixKinds: ['note', 'edit-file', 'run', 'reboot', 'verify'] },
    },
  ],
  unknown: [
    {
      name: 'no IOMMU listings and no boot log',
      sample: kernelOff,
      evidence: { 'iommu-groups': { status: 'denied' }, 'sys-class-iommu': { status: 'denied' }, dmesg: { status: 'denied' } },
      expect: { subject: 'host', collect: ['iommu'] },
    },
    {
      name: 'empty sysfs listings (kernel-off boot) beside a boot log that adds groups (healthy boot): contradicted',
      sample: 'lab-intel-healthy',
      evidence: {
        'iommu-groups': fx('lab/intel-kernel-off-6.1/iommu-groups.txt'),
        'sys-class-iommu': fx('lab/intel-kernel-off-6.1/sys-class-iommu.txt'),
      },
      expect: { subject: 'host', messageId: 'contradicted', collect: ['dmesg'] },
    },
  ],
  skip: [
    {
      name: 'no DMAR table: iommu-firmware-disabled reports it',
      sample: 'lab-intel-firmware-off',
      expect: { subject: 'host', messageId: 'noTable' },
    },
  ],
});
