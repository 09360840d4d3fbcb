import rule from '../../rules/device-not-bound.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'NIC bound to vfio-pci',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'bound', subject: '0000:01:00.0', evidence: ['sysfs PCI inventory'] },
    },
  ],
  fail: [
    {
      name: 'vfio-pci.ids on the command line, no vfio module loaded: the NIC has no driver',
      sample: 'lab-vfio-modules-missing',
      expect: {
        messageId: 'unbound',
        subject: '0000:01:00.0',
        severity: 'info',
        evidence: ['sysfs PCI inventory', '/proc/cmdline:1'],
        fixKinds: ['edit-file', 'edit-file', 'run', 'reboot', 'verify'],
        commands: ['options vfio-pci ids=8086:10d3', 'update-initramfs -u -k all'],
      },
    },
  ],
  unknown: [
    {
      // foxlet/macOS-Simple-KVM#497: `lspci -nnv | grep "VGA"` names the iGPU but not its driver.
      name: 'a grep of lspci shows the device, not its driver',
      sample: 'lab-intel-healthy',
      devices: ['0000:00:02.0'],
      evidence: {
        'pci-sysfs': { status: 'not-collected' },
        'lspci-vvv': { status: 'not-collected' },
        'lspci-nnk': fx('../real-cases/cases/github-foxlet-macos-simple-kvm-497-vfio-pci-ids-misspelled/lspci-grep-vga.txt'),
      },
      expect: { subject: '0000:00:02.0', messageId: 'driverUnknown', collect: ['lspci -nnk'] },
    },
    {
      name: 'no PCI inventory',
      sample: 'lab-vfio-modules-missing',
      evidence: { 'pci-sysfs': { status: 'denied' }, 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['lspci'] },
    },
  ],
  skip: [
    {
      name: "nothing named: the guide's command line without vfio-pci.ids",
      sample: 'lab-vfio-modules-missing',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt') },
      expect: { subject: 'host', messageId: 'noExplicitTarget' },
    },
  ],
});
