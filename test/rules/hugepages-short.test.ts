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
      // yunionio/cloudpods#17578: a CPU without pdpe1gb booted with hugepagesz=1G.
      name: 'the kernel rejected the page size on its command line',
      loose: ['github-cloudpods-17578-hugepage-1g-unsupported/comment2-dmesg-cmdline.txt'],
      expect: { subject: 'host', messageId: 'sizeRejected', evidence: ['(dmesg):3'] },
    },
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
      name: 'asked for, but the pools were not collected',
      sample: 'lab-hugepages-short',
      evidence: { hugepages: { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'noPools', collect: ['hugepages'] },
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
