import rule from '../../rules/cloudpods-hugepages-native-unreserved.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'transparent',
      sample: 'lab-cloudpods-healthy',
      expect: { subject: 'host', messageId: 'notNative', evidence: ['/etc/yunion/host.conf:2'] },
    },
    {
      name: 'native with hugepage_size_mb: 2 on the lab host that reserved 64 pages of 2 MiB',
      sample: 'lab-hugepages-reserved',
      evidence: { 'yunion-host-conf': `${fx('cloudpods/host-conf-native.conf')}hugepage_size_mb: 2\n` },
      expect: { subject: 'host', messageId: 'reserved' },
    },
  ],
  fail: [
    {
      // yunionio/cloudpods#19281: the one line the thread holds proves native mode with no pool.
      name: 'the host service\'s own "hugepage 1024 nr 0", without host.conf or the pools',
      loose: ['github-cloudpods-19281-hugepage-native-no-pool-controller/description-host-log-line.txt'],
      expect: { subject: 'host', messageId: 'unreserved' },
    },
    {
      name: 'native, no pool, no unit; log shows the stop',
      sample: 'lab-cloudpods-broken',
      expect: {
        subject: 'host',
        messageId: 'unreserved',
        evidence: ['/etc/yunion/host.conf:4', 'hugetlb', 'host/0.log'],
        fixKinds: ['edit-file', 'run', 'run', 'verify'],
        commands: ['hugepages_option: transparent'],
      },
    },
  ],
  unknown: [
    {
      name: 'native, but the huge page pools were not collected',
      sample: 'lab-cloudpods-broken',
      evidence: { hugepages: { status: 'not-collected' }, 'host-service-log': { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'noPools', collect: ['hugepages'] },
    },
    {
      name: 'host.conf unreadable',
      sample: 'lab-cloudpods-broken',
      evidence: { 'yunion-host-conf': { status: 'denied' }, 'host-service-log': { status: 'not-collected' } },
      expect: { subject: 'host', collect: ['sudo cat /etc/yunion/host.conf'] },
    },
  ],
  skip: [
    { name: 'not a Cloudpods host', sample: 'lab-hugepages-reserved', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } },
  ],
});
