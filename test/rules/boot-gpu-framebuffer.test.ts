import rule from '../../rules/boot-gpu-framebuffer.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'the boot VGA device named with --device, no BAR conflict in the log',
      sample: 'lab-intel-healthy',
      devices: ['0000:00:02.0'],
      expect: { messageId: 'noConflict', subject: '0000:00:02.0', evidence: ['sysfs PCI inventory', 'dmesg'] },
    },
  ],
  fail: [
    {
      name: 'vfio-pci cannot reserve BAR 0 of the GPU (6.1 kernel: initcall_blacklist=sysfb_init, Debian update-grub)',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/github-vega8-bar-cant-reserve.txt') },
      expect: {
        messageId: 'conflict',
        subject: '0000:05:00.0',
        evidence: ['dmesg:1'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify'],
        commands: ['initcall_blacklist=sysfb_init', 'update-grub'],
      },
    },
  ],
  unknown: [
    {
      // Two processes mmap()ed one FPGA BAR at once; a 64 KiB non-prefetchable range holds no framebuffer.
      name: 'an FPGA card whose small BAR 0 could not be reserved (AlmaLinux 8.10 paste, no inventory)',
      loose: ['github-chester-gillon-fpga-sio-alma810-bar-cant-reserve-mmap-race/dmesg-H-bar0-15-00-0.txt'],
      expect: { messageId: 'notShownGpu', subject: '0000:15:00.0', collect: ['lspci -nnk -s 0000:15:00.0'] },
    },
    {
      name: 'a 128 KiB prefetchable BAR of the second FPGA card: still too small for a framebuffer',
      loose: ['github-chester-gillon-fpga-sio-alma810-bar-cant-reserve-mmap-race/dmesg-H-bar0-30-00-0.txt'],
      expect: { messageId: 'notShownGpu', subject: '0000:30:00.0' },
    },
    {
      name: 'the boot VGA device named, but the log starts 7.3 s after boot: no conflict line proves nothing',
      sample: 'lab-intel-healthy',
      devices: ['0000:00:02.0'],
      evidence: { dmesg: fx('dmesg/lkml-hisi-grep-iommu-group.txt') },
      expect: { messageId: 'logIncomplete', subject: '0000:00:02.0', collect: ['journalctl -k -b'] },
    },
    {
      name: 'no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
  skip: [{ name: 'only a NIC is targeted', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'noGpuTarget' } }],
});
