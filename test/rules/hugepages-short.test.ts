import rule from '../../rules/hugepages-short.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: '64 pages of 2 MiB asked and reserved',
      sample: 'lab-hugepages-reserved',
      expect: { subject: 'host', messageId: 'reserved', evidence: ['_hugepages:2'] },
    },
  ],
  fail: [
    {
      name: 'two 1 GiB pages asked, none allocated (lab: "HugeTLB: allocating 2 of page size 1.00 GiB failed")',
      sample: 'lab-hugepages-short',
      expect: {
        subject: 'host',
        messageId: 'short',
        evidence: ['/proc/cmdline:1', '_hugepages:1'],
        fixKinds: ['note', 'edit-file', 'run', 'reboot', 'verify'],
        commands: ['update-grub'],
      },
    },
  ],
  unknown: [
    {
      name: 'huge page pools not collected',
      sample: 'lab-intel-healthy',
      evidence: { hugepages: { status: 'error' } },
      expect: { subject: 'host', collect: ['hugepages'] },
    },
  ],
  skip: [
    { name: 'no hugepages= on the command line', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'noRequest' } },
    {
      name: "the guide's command line sets hugepagesz=1G but no count",
      sample: 'lab-intel-healthy',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt') },
      expect: { subject: 'host', messageId: 'noRequest' },
    },
  ],
});
