import rule from '../../rules/device-host-driver.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'NIC named by options vfio-pci ids= and bound to vfio-pci',
      sample: 'lab-intel-healthy',
      expect: {
        messageId: 'bound',
        subject: '0000:01:00.0',
        evidence: ['sysfs PCI inventory', '/etc/modprobe.d/vfio.conf'],
      },
    },
    {
      name: 'NIC bound by hand through driver_override',
      sample: 'lab-vfio-not-persistent',
      expect: { messageId: 'bound', subject: '0000:01:00.0' },
    },
  ],
  fail: [
    {
      name: 'vfio-pci.ids on the command line, but e1000e loaded first keeps the NIC (Debian)',
      sample: 'lab-host-driver-claims',
      expect: {
        messageId: 'hostDriver',
        subject: '0000:01:00.0',
        evidence: ['sysfs PCI inventory', '/proc/cmdline:1'],
        fixKinds: ['edit-file', 'edit-file', 'edit-file', 'run', 'reboot', 'verify'],
        commands: ['options vfio-pci ids=8086:10d3', 'softdep e1000e pre: vfio-pci', 'vfio_iommu_type1', 'update-initramfs -u -k all'],
      },
    },
    {
      name: 'same host seen as RHEL-like: dracut force_drivers and dracut -f',
      sample: 'lab-host-driver-claims',
      evidence: { 'os-release': fx('os-release/fedora-32-man-example.txt') },
      expect: { subject: '0000:01:00.0', messageId: 'hostDriver', commands: ['force_drivers+=', 'dracut -f --regenerate-all'] },
    },
    {
      name: 'the e1000 NIC named with --device stays on e1000',
      sample: 'lab-group-shared',
      devices: ['0000:03:02.0'],
      expect: { messageId: 'hostDriver', subject: '0000:03:02.0', commands: ['softdep e1000 pre: vfio-pci'] },
    },
  ],
  unknown: [
    {
      name: 'no PCI inventory at all',
      sample: 'lab-host-driver-claims',
      evidence: { 'pci-sysfs': { status: 'denied' }, 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['lspci'] },
    },
  ],
  skip: [
    {
      name: "nothing named: the guide's command line without vfio-pci.ids",
      sample: 'lab-host-driver-claims',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt') },
      expect: { subject: 'host', messageId: 'noExplicitTarget' },
    },
  ],
});
