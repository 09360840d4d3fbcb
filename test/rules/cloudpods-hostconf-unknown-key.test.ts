import rule from '../../rules/cloudpods-hostconf-unknown-key.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    { name: 'accepted keys only', sample: 'lab-cloudpods-healthy', expect: { subject: 'host', messageId: 'allKnown' } },
    {
      name: 'unrelated keys are ignored without a suggestion',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': 'health_driver: x\nenable_rbac: true\n' },
      expect: { subject: 'host', messageId: 'onlyUnrelated', evidence: ['/etc/yunion/host.conf:1'] },
    },
  ],
  fail: [
    {
      name: "the guides' spellings",
      sample: 'lab-cloudpods-broken',
      expect: {
        subject: 'host',
        messageId: 'misspelt',
        evidence: ['/etc/yunion/host.conf:1', '/etc/yunion/host.conf:2'],
        fixKinds: ['edit-file', 'edit-file', 'run', 'run', 'verify'],
        commands: ['amd_vgpu_pfs', 'hugepages_option', 'rollout restart daemonset default-host'],
      },
    },
    {
      name: 'guide typos on the healthy host',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': fx('cloudpods/host-conf-guide-typos.conf') },
      expect: { subject: 'host', messageId: 'misspelt' },
    },
  ],
  unknown: [
    {
      name: 'host.conf unreadable',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': { status: 'denied' } },
      expect: { subject: 'host', collect: ['sudo cat /etc/yunion/host.conf'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'notCloudpods' } }],
});
