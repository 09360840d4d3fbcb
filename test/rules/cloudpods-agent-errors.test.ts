import rule from '../../rules/cloudpods-agent-errors.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const podLog = (text: string) => ({
  'host-service-log': { status: 'ok' as const, text, name: 'onecloud_default-host-lab01_0f1e2d3c/host/0.log' },
});
ruleTester(rule, {
  pass: [
    {
      name: 'start-up and boot_vga probe lines only',
      sample: 'lab-cloudpods-healthy',
      evidence: podLog(fx('cloudpods/host-log-boot-vga.txt')),
      expect: { subject: 'host', messageId: 'clean' },
    },
  ],
  fail: [
    {
      name: 'hugepage 1024 nr 0 (user report)',
      sample: 'lab-cloudpods-broken',
      evidence: podLog(fx('cloudpods/host-log-hugepage-nr0.txt')),
      expect: { subject: 'host', messageId: 'known', evidence: ['host/0.log:3'], fixKinds: ['edit-file', 'run', 'run', 'verify'] },
    },
    {
      name: 'Cannot find argument lines are a warning',
      sample: 'lab-cloudpods-broken',
      evidence: podLog(fx('cloudpods/host-log-unknown-keys.txt')),
      expect: { subject: 'host', messageId: 'known', severity: 'warning', evidence: ['host/0.log:3'] },
    },
    {
      name: 'USB dev addr … registed (user report)',
      sample: 'lab-cloudpods-gpu-issues',
      expect: {
        subject: 'host',
        messageId: 'known',
        evidence: ['host/0.log:3'],
        commands: ['climc isolated-device-list --host "${PTD_HOST:?'],
      },
    },
    {
      name: 'unexplained register failed error',
      sample: 'lab-cloudpods-gpu-issues',
      expect: { subject: 'host', messageId: 'unlisted', severity: 'warning', evidence: ['host/0.log:4'] },
    },
  ],
  unknown: [
    {
      name: 'host.conf present, no log collected',
      sample: 'lab-cloudpods-group',
      expect: { subject: 'host', messageId: 'noLog', collect: ['kubectl -n onecloud logs'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});
