import rule from '../../rules/gpu-host-driver-loaded.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

/** Only the given lspci -nnk text as PCI inventory (a bundle without the sysfs listing). */
const lspciOnly = (file: string) => ({ 'pci-sysfs': null, 'lspci-vvv': null, 'lspci-nnk': fx(file) });

ruleTester(rule, {
  pass: [
    {
      // ashtonian/KVM-AIO: the RX 550 on vfio-pci while amdgpu drives the host's RX 6700 XT.
      name: 'the target on vfio-pci, the vendor driver serving the host card',
      loose: ['github-ashtonian-kvm-aio-rx550-vfio-groups-healthy/terminal-session.txt'],
      devices: ['0000:04:00.0'],
      expect: { subject: '0000:04:00.0', messageId: 'servesOther' },
    },
    {
      name: "the guide's GTX 1080 Ti on vfio-pci, no NVIDIA driver in the lab host's /proc/modules",
      sample: 'lab-intel-healthy',
      evidence: lspciOnly('lspci-nnk/guide-nvidia-grep-A3.txt'),
      expect: { messageId: 'notLoaded', subject: '0000:42:00.0', evidence: ['lspci -nnk', '/proc/modules'] },
    },
  ],
  fail: [
    {
      name: 'GTX 1650 named with --device is driven by nvidia (Debian)',
      sample: 'lab-intel-healthy',
      devices: ['0000:01:00.0'],
      evidence: lspciOnly('lspci-nnk/github-gtx1650-nvidia-bound.txt'),
      expect: {
        messageId: 'loaded',
        subject: '0000:01:00.0',
        severity: 'warning',
        evidence: ['lspci -nnk:1'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify'],
        commands: ['blacklist nvidia', 'softdep nvidia pre: vfio-pci', 'update-initramfs -u -k all'],
      },
    },
  ],
  unknown: [
    {
      name: 'modules not collected, no device on an NVIDIA driver',
      sample: 'lab-intel-healthy',
      evidence: {
        ...lspciOnly('lspci-nnk/guide-nvidia-grep-A3.txt'),
        'proc-modules': { status: 'denied' },
        lsmod: { status: 'no-command' },
        'sys-module': { status: 'denied' },
      },
      expect: { subject: '0000:42:00.0', messageId: 'noModules', collect: ['/proc/modules'] },
    },
  ],
  skip: [{ name: 'only a NIC is named', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'noGpuTarget' } }],
});
