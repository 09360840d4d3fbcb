import rule from '../../rules/vfio-memlock-limit.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const labLog = fx('../../samples/lab-intel-healthy/evidence/commands/dmesg.out');

ruleTester(rule, {
  pass: [{ name: 'no locked-memory failure in a whole log', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      // cloud-hypervisor/cloud-hypervisor#165: the VMM ran with a 4 MiB RLIMIT_MEMLOCK.
      name: 'vfio_pin_pages_remote: RLIMIT_MEMLOCK (4194304) exceeded',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: `${labLog}${fx('../real-cases/cases/github-cloud-hypervisor-cloud-hypervisor-165-memlock/dmesg.txt')}` },
      expect: { subject: 'host', messageId: 'exceeded', evidence: ['dmesg'], fixKinds: ['note', 'run', 'verify'] },
    },
  ],
  unknown: [
    {
      name: 'a kernel log the collector had to cut',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'truncated', text: labLog.slice(0, labLog.length / 2) } },
      expect: { subject: 'host', messageId: 'logIncomplete' },
    },
  ],
});
