import rule from '../../rules/cloudpods-group-foreign-member.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'GPU alone in its group',
      sample: 'lab-cloudpods-healthy',
      expect: { messageId: 'clean', subject: '0000:03:00.0' },
    },
    { name: 'no GPU besides the boot VGA', sample: 'lab-cloudpods-broken', expect: { subject: 'host', messageId: 'noGpu' } },
    {
      name: 'GPU probe disabled',
      sample: 'lab-cloudpods-group',
      evidence: { 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf').replace('disable_gpu: false', 'disable_gpu: true') },
      expect: { subject: 'host', messageId: 'gpuProbeOff' },
    },
  ],
  fail: [
    {
      name: 'VGA device and an Intel NIC behind one bridge',
      sample: 'lab-cloudpods-group',
      expect: {
        messageId: 'foreign',
        subject: '0000:03:01.0',
        evidence: ['lspci -nnk'],
        fixKinds: ['note', 'reboot', 'verify', 'run', 'run', 'verify'],
      },
    },
  ],
  unknown: [
    {
      name: 'no PCI inventory',
      sample: 'lab-cloudpods-group',
      evidence: { 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' }, 'pci-sysfs': { status: 'denied' } },
      expect: { subject: 'host', collect: ['lspci'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-group-shared', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});
