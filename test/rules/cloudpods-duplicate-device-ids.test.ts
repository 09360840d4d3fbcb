import rule from '../../rules/cloudpods-duplicate-device-ids.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'one GPU besides the boot VGA',
      sample: 'lab-cloudpods-healthy',
      expect: { subject: 'host', messageId: 'unique', evidence: ['lspci -nnk'] },
    },
    {
      name: 'GPU probe disabled',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'yunion-host-conf': 'disable_gpu: true\n' },
      expect: { subject: 'host', messageId: 'gpuProbeOff' },
    },
  ],
  fail: [
    {
      name: 'three 1234:1111 VGA devices on bochs-drm',
      sample: 'lab-cloudpods-gpu-issues',
      expect: {
        messageId: 'duplicate',
        subject: '0000:00:02.0',
        evidence: ['lspci -nnk'],
        fixKinds: ['edit-file', 'verify', 'reboot', 'verify', 'run', 'run', 'verify'],
        commands: ['vfio-pci-override.sh', 'lspci -nnk -d 1234:1111'],
      },
    },
    {
      name: 'two without use_boot_vga',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'yunion-host-conf': 'disable_gpu: false\n' },
      expect: { messageId: 'duplicate', subject: '0000:03:00.0' },
    },
  ],
  unknown: [
    {
      name: 'no PCI inventory',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' }, 'pci-sysfs': { status: 'denied' } },
      expect: { subject: 'host', collect: ['lspci'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-group-shared', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});
