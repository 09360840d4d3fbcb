import rule from '../../rules/pci-device-not-behind-iommu.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

// raspberrypi/linux#6834: on a Raspberry Pi 5 the SoC's IOMMUs serve platform devices only; the I350 on
// the PCIe bus gets no group.
const rpi = (file: string): string =>
  fx(`../real-cases/cases/github-raspberrypi-linux-6834-rpi5-pcie-no-iommu/${file}`).split('\n').slice(1).join('\n');

ruleTester(rule, {
  pass: [
    { name: 'the target NIC is in a group', sample: 'lab-intel-healthy', expect: { subject: '0000:01:00.0', messageId: 'grouped' } },
    {
      // The e1000 behind a PCIe-to-PCI bridge takes the bridge's stream ID, which the SMMUv3 already gave
      // 0000:00:05.0: "stream 40 already in tree from dev 0000:00:05.0". It is behind the IOMMU.
      name: 'the SMMU refused the device for a stream ID already taken (arm64 lab)',
      sample: 'lab-arm64-bridge-alias-acpi',
      expect: { subject: '0000:03:01.0', messageId: 'refused', evidence: ['dmesg:382'] },
    },
  ],
  fail: [
    {
      name: 'groups of platform devices only, the PCIe NIC in none',
      sample: 'lab-intel-healthy',
      devices: ['0001:01:00.0'],
      evidence: {
        'pci-sysfs': { status: 'not-collected' },
        'lspci-vvv': { status: 'not-collected' },
        'sys-class-iommu': { status: 'not-collected' },
        dmesg: { status: 'not-collected' },
        'lspci-nnk': rpi('description-lspci.txt'),
        'iommu-groups': rpi('description-iommu-groups.txt'),
      },
      expect: { subject: '0001:01:00.0', messageId: 'outside', fixKinds: ['note', 'note', 'verify'] },
    },
  ],
  unknown: [],
  skip: [{ name: 'no IOMMU at work', sample: 'lab-intel-kernel-off', expect: { subject: 'host', messageId: 'noIommu' } }],
});
