import rule from '../../rules/cloudpods-boot-vga.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'boot VGA reports boot_vga=1',
      sample: 'lab-cloudpods-healthy',
      expect: { messageId: 'protected', evidence: ['sysfs PCI inventory'] },
    },
    {
      name: 'GPU probe disabled',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'yunion-host-conf': 'disable_gpu: true\n' },
      expect: { messageId: 'gpuProbeOff' },
    },
    {
      name: 'no VGA-class device (lspci of a host without VGA)',
      sample: 'lab-cloudpods-healthy',
      evidence: {
        'lspci-nnk':
          '01:00.0 Ethernet controller [0200]: Intel Corporation 82574L Gigabit Network Connection [8086:10d3]\n\tSubsystem: Intel Corporation Device [8086:0000]\n\tKernel driver in use: e1000e\n',
        'pci-sysfs': null,
      },
      expect: { messageId: 'noVga' },
    },
  ],
  fail: [
    {
      name: 'use_boot_vga: true',
      sample: 'lab-cloudpods-gpu-issues',
      expect: {
        messageId: 'useBootVga',
        evidence: ['/etc/yunion/host.conf:2', 'sysfs PCI inventory', 'host/0.log'],
        fixKinds: ['edit-file', 'run', 'run', 'reboot', 'verify'],
        commands: ['use_boot_vga: false'],
      },
    },
  ],
  unknown: [
    {
      name: 'boot_vga not collected (no sysfs inventory)',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'pci-sysfs': null },
      expect: { messageId: 'bootVgaUnknown', collect: ['boot_vga'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { messageId: 'notCloudpods' } }],
});
