import rule from '../../rules/log-lines-unexplained.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      // The Intel lab host loads amd_iommu_v2, which prints "AMD-Vi: AMD IOMMUv2 functionality not available on
      // this system - This is not a bug.": a line that denies a bug does not speak of a failure.
      name: 'Intel host whose AMD IOMMUv2 remark says it is not a bug',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'none' },
    },
    { name: 'healthy AMD host', sample: 'lab-amd-healthy', expect: { subject: 'host', messageId: 'none' } },
  ],
  fail: [
    {
      // The poster's instrumented vfio-pci prints "failed to register vfio group", which no stock kernel prints.
      name: 'a debug line of a custom kernel that names vfio and a failure (Raspberry Pi 5 paste)',
      loose: ['github-geerlingguy-raspberry-pi-pcie-devices-754-rpi5-gpu-no-iommu-group/comment-2025-09-05-dmesg.txt'],
      expect: {
        subject: 'host',
        messageId: 'unexplained',
        evidence: ['(dmesg):11'],
        fixKinds: ['run'],
        commands: ['journalctl -k -b --no-pager'],
      },
    },
  ],
  unknown: [{ name: 'dmesg denied, no journal', sample: 'lab-non-root', expect: { subject: 'host', collect: ['sudo dmesg'] } }],
});
