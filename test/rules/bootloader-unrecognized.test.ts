import rule from '../../rules/bootloader-unrecognized.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'Debian grub with a readable grub.cfg',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'recognized', evidence: ['/boot/grub/grub.cfg:'] },
    },
  ],
  fail: [
    {
      name: 'no grub files, BLS entries or /etc/kernel/cmdline',
      sample: 'lab-intel-healthy',
      evidence: { 'default-grub': null, 'grub-cfg': null },
      expect: { subject: 'host', messageId: 'unrecognized', fixKinds: ['run', 'note', 'verify'], commands: ['bootctl status'] },
    },
  ],
  unknown: [
    {
      // A pasted dmesg alone: no boot file was given, so nothing says which bootloader it is.
      name: 'no boot file given',
      loose: ['github-agenkit-ghost-amd-iommu-on-unknown-option/dmesg-grep-iommu-amdvi.txt'],
      expect: { subject: 'host', messageId: 'notCollected' },
    },
    {
      name: 'grub.cfg exists but was denied',
      sample: 'lab-intel-healthy',
      evidence: { 'grub-cfg': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'unreadable', collect: ['sudo cat /boot/grub/grub.cfg'] },
    },
  ],
});
