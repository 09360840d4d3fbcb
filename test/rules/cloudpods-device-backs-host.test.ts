import rule from '../../rules/cloudpods-device-backs-host.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    { name: 'no ptnvme_configs entry', sample: 'lab-cloudpods-healthy', expect: { subject: 'host', messageId: 'noEntries' } },
    {
      name: 'NVMe entry for a controller that holds nothing of the host',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': 'ptnvme_configs:\n- 02:00.0/3584G\n' },
      expect: { messageId: 'separate', subject: '0000:02:00.0', evidence: ['/proc/mounts'] },
    },
  ],
  fail: [
    {
      name: "the NVMe entry names the controller carrying the host's swap",
      sample: 'lab-cloudpods-nvme-storage',
      expect: {
        messageId: 'backsHost',
        subject: '0000:02:00.0',
        evidence: ['/etc/yunion/host.conf:3', '/proc/swaps'],
        fixKinds: ['edit-file', 'run', 'run', 'verify'],
        commands: ['ptnvme_configs entry 02:00.0/3.5T'],
      },
    },
  ],
  unknown: [
    {
      name: 'mounts not collected',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': 'ptnvme_configs:\n- 02:00.0/3584G\n', mounts: { status: 'denied' } },
      expect: { messageId: 'storageUnknown', subject: '0000:02:00.0' },
    },
    {
      name: 'entry names a network controller; management NIC from networks',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': 'ptnvme_configs:\n- 01:00.0/100G\nnetworks:\n- eth1/br0/192.168.100.111\n' },
      expect: {
        messageId: 'nicUnknown',
        subject: '0000:01:00.0',
        collect: ['readlink -f /sys/class/net/eth1/device'],
      },
    },
    {
      name: 'host.conf unreadable',
      sample: 'lab-cloudpods-broken',
      evidence: { 'yunion-host-conf': { status: 'denied' } },
      expect: { subject: 'host', messageId: 'noConf' },
    },
  ],
  skip: [
    { name: 'not a Cloudpods host', sample: 'lab-host-storage-targeted', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } },
  ],
});
