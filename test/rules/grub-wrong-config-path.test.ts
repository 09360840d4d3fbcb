import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../rules/grub-wrong-config-path.js';
import { fx, ROOT } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

// A RHEL-like BIOS host (grub2 paths, no BLS): the lab's stale grub.cfg moved to /boot/grub2.
const staleCfg = readFileSync(join(ROOT, 'samples/lab-grub-not-regenerated/evidence/boot/grub/grub.cfg'), 'utf8');
const rhelBios = { 'os-release': fx('os-release/fedora-32-man-example.txt'), 'grub-cfg': null };

ruleTester(rule, {
  pass: [
    {
      name: 'BIOS host: /boot/grub2/grub.cfg carries the parameters',
      sample: 'lab-grub-not-regenerated',
      evidence: { ...rhelBios, 'grub2-cfg': fx('grub-cfg/debian-12-iommu.cfg') },
      expect: { subject: 'host', messageId: 'rightCopy', evidence: ['/boot/grub2/grub.cfg:', '/etc/default/grub:9'] },
    },
  ],
  fail: [
    {
      name: 'BIOS host: /boot/grub2/grub.cfg stale, a full grub.cfg written to the ESP path',
      sample: 'lab-grub-not-regenerated',
      evidence: { ...rhelBios, 'grub2-cfg': staleCfg, 'efi-grub-cfg': fx('grub-cfg/debian-12-iommu.cfg') },
      expect: {
        subject: 'host',
        messageId: 'wrongCopy',
        evidence: ['/etc/default/grub:9', '/boot/grub2/grub.cfg:25', '/boot/efi/EFI/'],
        fixKinds: ['run', 'reboot', 'verify'],
        commands: ['grub2-mkconfig -o /boot/grub2/grub.cfg'],
      },
    },
  ],
  unknown: [
    {
      name: 'boot mode not collected',
      sample: 'lab-grub-not-regenerated',
      evidence: { ...rhelBios, 'grub2-cfg': staleCfg, efi: { status: 'error' } },
      expect: { subject: 'host', messageId: 'bootMode', collect: ['ls /sys/firmware/efi'] },
    },
  ],
  skip: [
    {
      name: 'Debian reads /boot/grub/grub.cfg in both modes',
      sample: 'lab-grub-not-regenerated',
      expect: { subject: 'host', messageId: 'notGrubMkconfig' },
    },
    {
      name: 'no second copy: plain grub-not-regenerated',
      sample: 'lab-grub-not-regenerated',
      evidence: { ...rhelBios, 'grub2-cfg': staleCfg },
      expect: { subject: 'host', messageId: 'noOtherCopy' },
    },
  ],
});
