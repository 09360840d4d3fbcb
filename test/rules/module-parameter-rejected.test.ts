import rule from '../../rules/module-parameter-rejected.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

// strongtz/i915-sriov-dkms#96: `dmesg | grep i915` on Proxmox, the stock i915 loaded instead of the DKMS build.
const i915 = fx('../real-cases/cases/github-strongtz-i915-sriov-dkms-96-max-vfs-unknown-parameter/dmesg-grep-i915.txt');
const labLog = fx('../../samples/lab-intel-healthy/evidence/commands/dmesg.out');

ruleTester(rule, {
  pass: [{ name: 'no rejected parameter in a whole log', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      name: "i915: unknown parameter 'max_vfs' ignored, set on the command line the log records",
      sample: 'lab-intel-healthy',
      evidence: { cmdline: { status: 'not-collected' }, dmesg: i915.split('\n').slice(1).join('\n') },
      expect: {
        subject: 'host',
        messageId: 'rejected',
        evidence: ['dmesg:3'],
        fixKinds: ['note', 'run', 'reboot', 'verify'],
        commands: ['modinfo -p i915'],
      },
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
