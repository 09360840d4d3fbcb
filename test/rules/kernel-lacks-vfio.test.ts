import rule from '../../rules/kernel-lacks-vfio.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'Debian arm64 kernel: VFIO modules and the SMMUv3 driver built in, no Intel/AMD IOMMU asked for',
      sample: 'lab-arm64-healthy-acpi',
      expect: { subject: 'host', messageId: 'built', evidence: ['uname -r):63'] },
    },
    {
      name: 'Debian 6.1 kernel: VFIO modules, VT-d built in',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'built', evidence: ['grep IOMMU/VFIO/KVM lines of /boot/config-$(uname -r):'] },
    },
  ],
  fail: [
    {
      name: 'a kernel built with "# CONFIG_VFIO is not set" (Firecracker 6.18 config), no VFIO module loaded',
      sample: 'lab-vfio-modules-missing',
      evidence: { 'kernel-config': fx('kernel-config/firecracker-6.18.txt') },
      expect: {
        subject: 'host',
        messageId: 'missing',
        evidence: [':39', ':51'],
        fixKinds: ['run', 'reboot', 'verify'],
        commands: ['apt install linux-image-amd64'],
      },
    },
  ],
  unknown: [
    {
      name: 'kernel config not collected',
      sample: 'lab-intel-healthy',
      evidence: { 'kernel-config': null },
      expect: { subject: 'host', collect: ['config'] },
    },
    {
      name: "a config without VFIO while vfio_pci is loaded: the file is not the running kernel's",
      sample: 'lab-intel-healthy',
      evidence: { 'kernel-config': fx('kernel-config/firecracker-6.18.txt') },
      expect: { subject: 'host', messageId: 'configMismatch', collect: ['/boot/config-$(uname -r)'] },
    },
  ],
});
