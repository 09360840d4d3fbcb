import rule from '../../rules/device-reset-failure.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'the NIC offers pm and bus resets, nothing failed',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'resettable', subject: '0000:01:00.0', evidence: ['sysfs PCI inventory', 'dmesg'] },
    },
  ],
  fail: [
    {
      // kvm list, 2023-02: a Radeon HD 7790 on vfio-pci stops answering the AMD IOMMU's invalidations
      // (IOTLB_INV_TIMEOUT device=06:00.0, line 17); the maintainer pointed to disable_idle_d3.
      name: 'an IOTLB invalidation timeout from the kernel log alone: keep idle vfio-pci devices out of D3',
      loose: ['lore-kvm-2023-02-x570-hd7790-idle-d3-completion-wait-timeout/dmesg-vm-start.txt'],
      expect: {
        subject: '0000:06:00.0',
        messageId: 'resetFailed',
        evidence: [':17'],
        commands: ['cat /sys/module/vfio_pci/parameters/disable_idle_d3'],
      },
    },
    {
      // linux-pci, 2020-05: an AMD Matisse USB controller never answers after FLR; only the log was posted.
      name: 'FLR giving up, from the kernel log alone',
      sample: 'lab-intel-healthy',
      devices: ['0000:0c:00.3'],
      evidence: {
        'pci-sysfs': { status: 'not-collected' },
        'lspci-nnk': { status: 'not-collected' },
        'lspci-vvv': { status: 'not-collected' },
        dmesg: fx('../real-cases/cases/lore-linux-pci-2020-05-amd-matisse-usb-flr-giving-up/dmesg-flr.txt'),
      },
      expect: { subject: '0000:0c:00.3', messageId: 'resetFailed', evidence: ['dmesg'] },
    },
    {
      name: 'FLR of a vfio-pci function never completes (lore report)',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lore-vfio-flr-giving-up.txt') },
      expect: {
        messageId: 'resetFailed',
        subject: '0007:00:00.1',
        severity: 'warning',
        evidence: ['dmesg:1', 'dmesg:8'],
        fixKinds: ['run', 'note', 'note'],
      },
    },
    {
      name: 'conventional PCI e1000 behind a bridge has no reset method',
      sample: 'lab-group-shared',
      devices: ['0000:03:02.0'],
      expect: {
        messageId: 'noResetMethod',
        subject: '0000:03:02.0',
        severity: 'info',
        fixKinds: ['note', 'verify'],
      },
    },
  ],
  unknown: [
    {
      name: 'no failed reset and no inventory to judge the targets',
      sample: 'lab-intel-healthy',
      evidence: { 'pci-sysfs': { status: 'denied' }, 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' } },
      expect: { subject: 'host', messageId: 'noInventory', collect: ['lspci -nnk'] },
    },
    {
      name: 'no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
