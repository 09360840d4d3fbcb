import rule from '../../rules/cloudpods-hostconf-unknown-key.js';
import { fx } from '../helpers/bundle-from.js';
import { expect, it } from 'vitest';
import { ruleTester, runRuleCase } from '../helpers/rule-tester.js';

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
        commands: ['amd_vgpu_pfs', 'hugepages_option', 'kubectl -n onecloud delete'],
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
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});

// Keys are untrusted: a key named after an object member is an unknown key like any other, never
// "the host service reads function Object()".
it('suggests nothing for keys named after object members', () => {
  const typos = fx('cloudpods/host-conf-guide-typos.conf');
  const conf = `${typos}constructor: 1\n__proto__: x\nhasOwnProperty: y\n`;
  const [f] = runRuleCase(rule, {
    name: 'members',
    sample: 'lab-cloudpods-healthy',
    evidence: { 'yunion-host-conf': conf },
    expect: { subject: 'host' },
  });
  expect(f?.status).toBe('fail');
  const cited = (f?.evidence ?? []).map((e) => e.line);
  const memberLines = [1, 2, 3].map((i) => typos.split('\n').length - 1 + i);
  expect(cited.filter((l) => l !== undefined && memberLines.includes(l))).toEqual([]);
});
