import rule from '../../rules/grub-not-regenerated.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const rhelBls = { 'os-release': fx('os-release/fedora-32-man-example.txt'), 'bls-entries': fx('bls-entry/rocky-8.5-kernelopts.conf') };

ruleTester(rule, {
  pass: [
    {
      name: 'grub.cfg carries intel_iommu=on iommu=pt',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'regenerated', evidence: ['/etc/default/grub:9', '/boot/grub/grub.cfg:'] },
    },
    {
      name: 'no passthrough parameters in /etc/default/grub',
      sample: 'lab-intel-default-on',
      expect: { subject: 'host', messageId: 'noPassthrough' },
    },
    {
      name: 'RHEL 8 BLS entry whose $kernelopts (grubenv) carries the parameters',
      sample: 'lab-grub-not-regenerated',
      evidence: { ...rhelBls, grubenv: fx('grubenv/rhel8-kernelopts.env') },
      expect: { subject: 'host', messageId: 'regenerated', evidence: ['/boot/loader/entries/test.conf'] },
    },
  ],
  fail: [
    {
      name: 'Debian: /etc/default/grub edited, update-grub not run',
      sample: 'lab-grub-not-regenerated',
      expect: {
        subject: 'host',
        messageId: 'stale',
        evidence: ['/etc/default/grub:9', '/boot/grub/grub.cfg:25'],
        fixKinds: ['run', 'reboot', 'verify'],
        commands: ['update-grub'],
      },
    },
    {
      name: 'RHEL-like BLS host: the entry lacks them, grubby adds them',
      sample: 'lab-grub-not-regenerated',
      evidence: { ...rhelBls, grubenv: null },
      expect: {
        subject: 'host',
        messageId: 'stale',
        evidence: ['/boot/loader/entries/test.conf'],
        commands: ["grubby --update-kernel=ALL --args='intel_iommu=on iommu=pt'"],
      },
    },
  ],
  unknown: [
    {
      name: 'grub.cfg unreadable (non-root collection)',
      sample: 'lab-grub-not-regenerated',
      evidence: { 'grub-cfg': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'noGenerated', collect: ['sudo cat /boot/grub/grub.cfg'] },
    },
  ],
  skip: [
    {
      name: 'no /etc/default/grub',
      sample: 'lab-intel-healthy',
      evidence: { 'default-grub': null },
      expect: { subject: 'host', messageId: 'noSource' },
    },
  ],
});
