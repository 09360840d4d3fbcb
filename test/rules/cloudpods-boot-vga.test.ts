import rule from '../../rules/cloudpods-boot-vga.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'boot VGA reports boot_vga=1',
      sample: 'lab-cloudpods-healthy',
      expect: { subject: 'host', messageId: 'protected', evidence: ['sysfs PCI inventory'] },
    },
    {
      name: 'GPU probe disabled',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'yunion-host-conf': 'disable_gpu: true\n' },
      expect: { subject: 'host', messageId: 'gpuProbeOff' },
    },
    {
      name: 'no VGA-class device (lspci of a host without VGA)',
      sample: 'lab-cloudpods-healthy',
      evidence: {
        'lspci-nnk':
          '01:00.0 Ethernet controller [0200]: Intel Corporation 82574L Gigabit Network Connection [8086:10d3]\n\tSubsystem: Intel Corporation Device [8086:0000]\n\tKernel driver in use: e1000e\n',
        'pci-sysfs': null,
      },
      expect: { subject: 'host', messageId: 'noVga' },
    },
  ],
  fail: [
    {
      name: 'use_boot_vga: true',
      sample: 'lab-cloudpods-gpu-issues',
      expect: {
        subject: 'host',
        messageId: 'useBootVga',
        evidence: ['/etc/yunion/host.conf:2', 'sysfs PCI inventory', 'host/0.log'],
        fixKinds: ['edit-file', 'run', 'run', 'reboot', 'verify'],
        commands: ['use_boot_vga: false'],
      },
    },
  ],
  unknown: [
    {
      // The kernel sets boot_vga=1 only on the VGA device that decoded legacy VGA at boot; a host on a
      // serial console with its VGA devices left off shows 0 on every one. Nothing then proves which
      // device the console uses, so nothing is "protected".
      name: 'no VGA device reports boot_vga=1',
      sample: 'lab-cloudpods-healthy',
      evidence: {
        'pci-sysfs': fx('../../samples/lab-cloudpods-healthy/evidence/commands/pci-sysfs.out').replace('boot_vga=1', 'boot_vga=0'),
      },
      expect: { subject: 'host', messageId: 'noBootVga', collect: ['boot_vga'] },
    },
    {
      name: 'boot_vga not collected (no sysfs inventory)',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'pci-sysfs': null },
      expect: { subject: 'host', messageId: 'bootVgaUnknown', collect: ['boot_vga'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});
