import rule from '../../rules/device-config-unreadable.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [{ name: 'healthy lab host, log from boot', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: 'none' } }],
  fail: [
    {
      // GPUOpen MxGPU-Virtualization#18: the first VF of a FirePro S7150 reads all ones (no ARI on the root port).
      name: 'a virtual function the kernel ignored, "unknown header type 7f"',
      loose: ['github-gpuopen-mxgpu-virtualization-18-s7150-vf-header-7f-no-ari/dmesg-T-gim-enable-sriov.txt'],
      expect: {
        subject: '0000:42:02.0',
        messageId: 'unreadable',
        evidence: ['(dmesg -T):4'],
        fixKinds: ['firmware', 'reboot', 'verify'],
        commands: ['lspci -nn -s 0000:42:02.0'],
      },
    },
    {
      // A KubeVirt virt-handler log: libvirt refused a ConnectX-4 Lx VF whose header reads 127 (0x7f).
      name: "libvirt's \"Unknown PCI header type '127'\" inside a virt-handler JSON line",
      loose: ['github-acmenezes-openshift-virtualization-demo-cx4lx-vfs-header-7f/virt-handler-log.txt'],
      expect: { subject: '0000:0b:02.4', messageId: 'unreadable' },
    },
  ],
  unknown: [
    { name: 'dmesg denied, no journal', sample: 'lab-non-root', expect: { subject: 'host', collect: ['sudo dmesg'] } },
    {
      name: 'a log that starts 7.3 s after boot (LKML paste): enumeration lines are gone',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: fx('dmesg/lkml-hisi-grep-iommu-group.txt') },
      expect: { subject: 'host', messageId: 'logIncomplete', collect: ['journalctl -k -b'] },
    },
  ],
});
