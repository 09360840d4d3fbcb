import rule from '../../rules/evidence-incomplete.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'root collection; missing optional tools decided from other evidence',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'complete', evidence: ['manifest.json'] },
    },
    { name: 'no lspci: the sysfs inventory stands in', sample: 'lab-no-lspci', expect: { subject: 'host', messageId: 'complete' } },
  ],
  fail: [
    {
      name: 'collected as uid 65534: dmesg denied, kernel log checks unknown',
      sample: 'lab-non-root',
      expect: {
        subject: 'host',
        messageId: 'incomplete',
        evidence: ['dmesg', 'lspci -nnvvv'],
        severity: 'warning',
        fixKinds: ['note', 'run', 'verify'],
        commands: ['sudo sh collect.sh'],
      },
    },
    {
      name: 'only lspci -nnvvv denied: nothing important unknown',
      sample: 'lab-intel-healthy',
      evidence: { 'lspci-vvv': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'incomplete', evidence: ['lspci -nnvvv'], severity: 'info', fixKinds: ['run', 'verify'] },
    },
  ],
  // The collection fact describes the bundle itself and is always known.
  unknown: [],
});
