import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../rules/reboot-pending.js';
import { ROOT } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const healthyCfg = readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/boot/grub/grub.cfg'), 'utf8');

ruleTester(rule, {
  pass: [
    {
      name: 'grub.cfg and /proc/cmdline agree',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'applied', evidence: ['/boot/grub/grub.cfg:', '/proc/cmdline:1'] },
    },
  ],
  fail: [
    {
      name: 'update-grub ran after boot, no reboot since',
      sample: 'lab-reboot-pending',
      expect: {
        subject: 'host',
        messageId: 'pending',
        evidence: ['/boot/grub/grub.cfg:', '/proc/cmdline:1'],
        fixKinds: ['reboot', 'verify'],
      },
    },
    {
      name: 'grub.cfg switched from intel_iommu=off to intel_iommu=on, still running with off',
      sample: 'lab-intel-kernel-off',
      evidence: { 'grub-cfg': healthyCfg },
      expect: { subject: 'host', messageId: 'pending', evidence: ['/proc/cmdline:1'] },
    },
  ],
  unknown: [
    {
      name: 'grub.cfg unreadable',
      sample: 'lab-reboot-pending',
      evidence: { 'grub-cfg': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'noGenerated', collect: ['sudo cat /boot/grub/grub.cfg'] },
    },
  ],
});
