import rule from '../../rules/vm-vfio-error.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const qemuLog = (file: string) => ({ 'qemu-logs': { status: 'ok' as const, text: fx(file), name: 'guest.log' } });
const labLog = fx('../../samples/lab-intel-healthy/evidence/commands/dmesg.out');

ruleTester(rule, {
  pass: [{ name: 'no VMM log reports a VFIO error', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      // NVIDIA/nvtrust#32: QEMU could not open the group node of a device that was not on vfio-pci.
      name: 'QEMU: failed to open /dev/vfio/N',
      sample: 'lab-intel-healthy',
      evidence: qemuLog('cloudpods/qemu-vfio-open-failed.txt'),
      expect: { subject: '0000:44:00.0', messageId: 'failed', evidence: ['guest.log:1'], fixKinds: ['run', 'note', 'verify'] },
    },
    {
      // geerlingguy/raspberry-pi-pcie-devices#754: the container setup refused with EPERM.
      name: 'QEMU: failed to setup container … Operation not permitted',
      sample: 'lab-intel-healthy',
      evidence: qemuLog(
        '../real-cases/cases/github-geerlingguy-raspberry-pi-pcie-devices-754-rpi5-msi-not-isolated/comment-2025-09-07-qemu-error.txt',
      ),
      expect: { subject: '0001:01:00.0', messageId: 'failed' },
    },
  ],
  unknown: [
    {
      name: 'a kernel log the collector had to cut and no error',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'truncated', text: labLog.slice(0, labLog.length / 2) } },
      expect: { subject: 'host', messageId: 'logIncomplete' },
    },
  ],
});
