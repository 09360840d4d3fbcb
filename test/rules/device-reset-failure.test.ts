import rule from '../../rules/device-reset-failure.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'the NIC offers pm and bus resets, nothing failed',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'resettable', subject: '0000:01:00.0', evidence: ['sysfs PCI inventory', 'dmesg'] },
    },
  ],
  fail: [
    {
      name: 'FLR of a vfio-pci function never completes (lore report)',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lore-vfio-flr-giving-up.txt') },
      expect: {
        messageId: 'resetFailed',
        subject: '0007:00:00.1',
        severity: 'warning',
        evidence: ['dmesg:1', 'dmesg:8'],
        fixKinds: ['run', 'note', 'note'],
      },
    },
    {
      name: 'conventional PCI e1000 behind a bridge has no reset method',
      sample: 'lab-group-shared',
      devices: ['0000:03:02.0'],
      expect: {
        messageId: 'noResetMethod',
        subject: '0000:03:02.0',
        severity: 'info',
        fixKinds: ['note', 'verify'],
      },
    },
  ],
  unknown: [
    {
      name: 'no kernel log',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
