import rule from '../../rules/iommu-address-width-exceeded.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const labLog = fx('../../samples/lab-intel-healthy/evidence/commands/dmesg.out');

ruleTester(rule, {
  pass: [{ name: 'a whole boot log with no refused mapping', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      // MicronSSD/unvme#4: a user-space NVMe driver mapped at 0x8800000000 on a 39-bit VT-d (the kernel's line, quoted alone).
      name: 'the kernel refuses a mapping above a 39-bit VT-d width, from the log line alone',
      loose: ['github-micronssd-unvme-4-ivybridge-vtd-39bit-iova/kernel-log-line.txt'],
      expect: { subject: 'host', messageId: 'exceeded', evidence: [':1'], fixKinds: ['note'] },
    },
  ],
  unknown: [
    {
      name: 'a kernel log the collector had to cut',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'truncated', text: labLog.slice(0, labLog.length / 2) } },
      expect: { subject: 'host', messageId: 'logIncomplete', collect: ['journalctl -k -b'] },
    },
  ],
});
