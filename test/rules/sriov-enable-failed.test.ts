import rule from '../../rules/sriov-enable-failed.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const labLog = fx('../../samples/lab-sriov-no-vfs/evidence/commands/dmesg.out');
const realCase = (name: string): string => fx(`../real-cases/cases/${name}`);

ruleTester(rule, {
  pass: [{ name: 'no refusal in a whole log', sample: 'lab-sriov-no-vfs', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      // storpool/ixgbevf-udevhelper README: a journalctl -k paste, the PF ran out of MMIO space.
      name: 'not enough MMIO resources (journal lines)',
      sample: 'lab-sriov-no-vfs',
      evidence: {
        dmesg: { status: 'not-collected' },
        'journal-kernel': realCase('github-storpool-ixgbevf-udevhelper-sriov-mmio-realloc/journal-sriov-mmio.txt'),
      },
      expect: {
        subject: '0000:04:00.0',
        messageId: 'failed',
        evidence: ['journalctl -k'],
        fixKinds: ['firmware', 'edit-file', 'run', 'reboot', 'verify'],
      },
    },
    {
      // ServerFault 931228: SR-IOV on in the BIOS, off for the X550 ports; netdev_err prints "(uninitialized)".
      name: 'Failed to enable PCI sriov: -38 (SR-IOV off for the adapter)',
      sample: 'lab-sriov-no-vfs',
      evidence: {
        dmesg: `${labLog}${realCase('serverfault-931228-x550-sriov-not-enabled-per-nic/dmesg-grep-iov.txt').split('\n').slice(1).join('\n')}`,
      },
      expect: { subject: '0000:19:00.0', messageId: 'failed', fixKinds: ['firmware', 'reboot', 'verify'] },
    },
  ],
  unknown: [
    {
      name: 'a kernel log the collector had to cut',
      sample: 'lab-sriov-no-vfs',
      evidence: { dmesg: { status: 'truncated', text: labLog.slice(0, labLog.length / 2) } },
      expect: { subject: 'host', messageId: 'logIncomplete', collect: ['journalctl -k -b'] },
    },
  ],
});
