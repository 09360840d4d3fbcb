import rule from '../../rules/cloudpods-vm-vfio-open-failed.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const log = (text: string) => ({ 'qemu-logs': { status: 'ok' as const, text, name: '9c1e5b7a-4f2d-4e8b-a3c6-0d7f1e2b3c4d' } });
ruleTester(rule, {
  pass: [
    { name: 'no QEMU log reports the failure', sample: 'lab-cloudpods-healthy', expect: { subject: 'host', messageId: 'noFailure' } },
    {
      name: 'the device named by the log is on vfio-pci with its node now',
      sample: 'lab-cloudpods-healthy',
      evidence: log(
        fx('cloudpods/qemu-vfio-open-failed-00-02.txt')
          .replace(/00:02\.0/g, '03:00.0')
          .replace('/dev/vfio/1', '/dev/vfio/8'),
      ),
      expect: { messageId: 'recovered', subject: '0000:03:00.0', evidence: ['ls -l /dev/vfio'] },
    },
  ],
  fail: [
    {
      // The QEMU line proves the failure; without an inventory the fix says how to tell the cause.
      name: 'no PCI inventory',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'lspci-nnk': { status: 'no-command' }, 'lspci-vvv': { status: 'no-command' }, 'pci-sysfs': { status: 'denied' } },
      expect: { subject: '0000:00:02.0', messageId: 'noInventory', commands: ['lspci -nnk -s 0000:00:02.0'] },
    },
    {
      name: '00:02.0 on bochs-drm, not vfio-pci',
      sample: 'lab-cloudpods-gpu-issues',
      expect: {
        messageId: 'notVfio',
        subject: '0000:00:02.0',
        evidence: ['/opt/cloud/workspace/servers/logs/', 'lspci -nnk'],
        fixKinds: ['verify', 'run', 'run', 'verify', 'verify'],
      },
    },
    {
      name: "44:00.0 is not on this host's bus",
      sample: 'lab-cloudpods-gpu-issues',
      evidence: log(fx('cloudpods/qemu-vfio-open-failed.txt')),
      expect: { messageId: 'gone', subject: 'host', commands: ['lspci -nnk -s 0000:44:00.0'] },
    },
    {
      name: 'on vfio-pci but its group node is missing from /dev/vfio',
      sample: 'lab-cloudpods-healthy',
      evidence: {
        ...log(fx('cloudpods/qemu-vfio-open-failed-00-02.txt').replace(/00:02\.0/g, '03:00.0')),
        'dev-vfio': 'total 0\ncrw-rw-rw-    1 root     root       10, 196 Nov 25 20:19 vfio\n',
      },
      expect: {
        messageId: 'nodeMissing',
        subject: '0000:03:00.0',
        commands: ['/sys/bus/pci/drivers/vfio-pci/bind'],
      },
    },
  ],
  unknown: [
    {
      name: 'QEMU logs not collected: no failure is not the same as no log',
      sample: 'lab-cloudpods-healthy',
      evidence: { 'qemu-logs': { status: 'not-collected' } },
      expect: { subject: 'host', messageId: 'noQemuLog', collect: ['/opt/cloud/workspace/servers/logs'] },
    },
    {
      // The first line of a real VM start log (yunionio/cloudpods#23114), kept as if the collector had cut the rest.
      name: 'a QEMU log kept only in part shows no failure',
      sample: 'lab-cloudpods-healthy',
      evidence: {
        'qemu-logs': {
          status: 'truncated',
          text: `${fx('../real-cases/cases/github-cloudpods-23114-gpu-fell-off-bus/description-qemu-log.txt').split('\n')[0]}\n`,
          name: '9c1e5b7a-4f2d-4e8b-a3c6-0d7f1e2b3c4d',
        },
      },
      expect: { subject: 'host', messageId: 'qemuLogCut' },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});
