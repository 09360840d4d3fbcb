import rule from '../../rules/cloudpods-hostconf-invalid-value.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'hugepages_option: transparent',
      sample: 'lab-cloudpods-healthy',
      expect: { subject: 'host', messageId: 'valid', evidence: ['/etc/yunion/host.conf:2'] },
    },
    {
      name: "the vGPU guide's PF list (82:00.0) and native",
      sample: 'lab-cloudpods-broken',
      evidence: { 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf') + fx('cloudpods/host-conf-native.conf') },
      expect: { subject: 'host', messageId: 'valid' },
    },
    {
      name: 'NVMe entry with a G size naming the NVMe controller',
      sample: 'lab-cloudpods-nvme-storage',
      evidence: { 'yunion-host-conf': 'ptnvme_configs:\n- 02:00.0/3584G\n' },
      expect: { subject: 'host', messageId: 'valid', evidence: ['/etc/yunion/host.conf:2'] },
    },
  ],
  fail: [
    {
      name: 'NVMe size 3.5T (T is not a size unit the host service reads)',
      sample: 'lab-cloudpods-nvme-storage',
      expect: {
        subject: 'host',
        messageId: 'invalid',
        evidence: ['/etc/yunion/host.conf:3'],
        fixKinds: ['edit-file', 'run', 'run', 'verify'],
        commands: ['3584G'],
      },
    },
    {
      name: 'NVMe entry without a size',
      sample: 'lab-cloudpods-nvme-storage',
      evidence: { 'yunion-host-conf': 'ptnvme_configs:\n- 02:00.0\n' },
      expect: { subject: 'host', messageId: 'invalid', commands: ['<pci addr>/<size>'] },
    },
    {
      name: 'NVMe entry naming the e1000e NIC',
      sample: 'lab-cloudpods-nvme-storage',
      evidence: { 'yunion-host-conf': 'ptnvme_configs:\n- 01:00.0/100G\n' },
      expect: { subject: 'host', messageId: 'invalid', commands: ['NVMe controller'] },
    },
    {
      name: 'hugepages_option outside disable|native|transparent',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': 'hugepages_option: enable\n' },
      expect: {
        subject: 'host',
        messageId: 'invalid',
        evidence: ['/etc/yunion/host.conf:1'],
        commands: ['disable, native or transparent'],
      },
    },
    {
      name: 'AMD PF written with its domain',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'yunion-host-conf': 'amd_vgpu_pfs:\n- 0000:04:00.0\n' },
      expect: { subject: 'host', messageId: 'invalid', evidence: ['/etc/yunion/host.conf:2'], commands: ['04:00.0'] },
    },
  ],
  unknown: [
    {
      name: 'host.conf unreadable',
      sample: 'lab-cloudpods-broken',
      evidence: { 'yunion-host-conf': { status: 'denied' } },
      expect: { subject: 'host', collect: ['sudo cat /etc/yunion/host.conf'] },
    },
  ],
  skip: [
    { name: 'not a Cloudpods host', sample: 'lab-host-storage-targeted', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } },
  ],
});
