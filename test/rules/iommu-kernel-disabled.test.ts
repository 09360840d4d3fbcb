import rule from '../../rules/iommu-kernel-disabled.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const kernelOff = 'lab-intel-kernel-off';

ruleTester(rule, {
  pass: [
    { name: 'arm64: the SMMUv3 builds groups', sample: 'lab-arm64-healthy-dt', expect: { subject: 'host', messageId: 'enabled' } },
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
      // The device tree of the SMMU boot, with the empty IOMMU listings and the log of the boot
      // without one: what a kernel whose SMMU driver does not run shows.
      name: 'arm64: the device tree has an SMMUv3, the kernel no unit and no group',
      sample: 'lab-arm64-healthy-dt',
      evidence: {
        'sys-class-iommu': fx('../../samples/lab-arm64-no-smmu-dt/evidence/commands/sys-class-iommu.out'),
        'iommu-devices': fx('../../samples/lab-arm64-no-smmu-dt/evidence/commands/iommu-devices.out'),
        'iommu-groups': fx('../../samples/lab-arm64-no-smmu-dt/evidence/commands/iommu-groups.out'),
        dmesg: fx('../../samples/lab-arm64-no-smmu-dt/evidence/commands/dmesg.out'),
      },
      expect: {
        subject: 'host',
        messageId: 'smmuNotRunning',
        evidence: ['find /sys/firmware/devicetree/base'],
        fixKinds: ['run', 'note', 'reboot', 'verify'],
        commands: ['modprobe arm_smmu_v3'],
      },
    },
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
      name: 'arm64: IORT without an SMMU is the firmware side',
      sample: 'lab-arm64-no-smmu-acpi',
      expect: { subject: 'host', messageId: 'noTable' },
    },
    {
      name: 'no DMAR table: iommu-firmware-disabled reports it',
      sample: 'lab-intel-firmware-off',
      expect: { subject: 'host', messageId: 'noTable' },
    },
  ],
});
