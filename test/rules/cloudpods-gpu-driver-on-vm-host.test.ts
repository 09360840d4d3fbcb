import rule from '../../rules/cloudpods-gpu-driver-on-vm-host.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'the second VGA device on vfio-pci',
      sample: 'lab-cloudpods-healthy',
      expect: { messageId: 'free', subject: '0000:03:00.0', evidence: ['lspci -nnk'] },
    },
    {
      name: 'only the boot VGA (kept by the host service)',
      sample: 'lab-cloudpods-broken',
      expect: { subject: 'host', messageId: 'noGpu' },
    },
    {
      name: 'GPU probe disabled',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'yunion-host-conf': 'disable_gpu: true\n' },
      expect: { subject: 'host', messageId: 'gpuProbeOff', evidence: ['/etc/yunion/host.conf:1'] },
    },
  ],
  fail: [
    {
      name: 'VGA devices on bochs-drm',
      sample: 'lab-cloudpods-gpu-issues',
      expect: {
        messageId: 'held',
        subject: '0000:03:00.0',
        evidence: ['lspci -nnk'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify', 'run', 'run', 'verify'],
        commands: ['blacklist bochs', 'update-initramfs'],
      },
    },
    {
      name: 'use_boot_vga: true makes the boot VGA a candidate too',
      sample: 'lab-cloudpods-gpu-issues',
      expect: { messageId: 'held', subject: '0000:00:02.0' },
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
  skip: [
    { name: 'not a Cloudpods host', sample: 'lab-group-shared', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } },
    {
      name: 'container host: GPU drivers are expected',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'yunion-host-conf': `${fx('cloudpods/host-conf-guide-keys.conf')}host_type: container\n` },
      expect: { subject: 'host', messageId: 'containerHost' },
    },
  ],
});
