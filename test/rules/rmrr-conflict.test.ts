import rule from '../../rules/rmrr-conflict.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [{ name: 'no RMRR refusal ("DMAR: No RMRR found")', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      name: 'vfio-pci refused for the platform RMRR',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/relax-rmrr-readme.txt') },
      expect: {
        messageId: 'refused',
        subject: '0000:01:00.1',
        evidence: ['dmesg:1'],
        fixKinds: ['firmware', 'note', 'note', 'reboot', 'verify'],
        commands: ['c04781229'],
      },
    },
  ],
  unknown: [
    {
      name: 'a real log that starts 7.3 s after boot: no such line proves nothing',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lkml-hisi-grep-iommu-group.txt') },
      expect: { subject: 'host', messageId: 'logIncomplete', collect: ['journalctl -k -b'] },
    },
    {
      name: 'no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
