import rule from '../../rules/cloudpods-agent-cmdline-requirements.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: "the host service's set",
      sample: 'lab-cloudpods-healthy',
      expect: { subject: 'host', messageId: 'complete', evidence: ['/proc/cmdline:1'] },
    },
    {
      name: 'GPU probe disabled',
      sample: 'lab-cloudpods-broken',
      evidence: { 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf').replace('disable_gpu: false', 'disable_gpu: true') },
      expect: { subject: 'host', messageId: 'gpuProbeOff' },
    },
  ],
  fail: [
    {
      // The GPU probe runs the same check on arm64 (gpu.go has no architecture branch), except
      // intel_iommu=on, which it asks for only with the kvm-intel module (sysutils.IsProcessorIntel).
      name: 'arm64 Cloudpods host: allow_unsafe_interrupts and the nouveau pair, never intel_iommu=on',
      sample: 'lab-arm64-healthy-acpi',
      evidence: { 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf') },
      expect: {
        subject: 'host',
        messageId: 'missing',
        evidence: ['/proc/cmdline:1'],
        commands: ['vfio_iommu_type1.allow_unsafe_interrupts=1 rdblacklist=nouveau nouveau.modeset=0'],
      },
    },
    {
      name: 'Debian host without allow_unsafe_interrupts and the nouveau pair',
      sample: 'lab-cloudpods-broken',
      expect: {
        subject: 'host',
        messageId: 'missing',
        evidence: ['/proc/cmdline:1'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify', 'run', 'run', 'verify'],
        commands: ['update-grub', 'vfio_iommu_type1.allow_unsafe_interrupts=1 rdblacklist=nouveau nouveau.modeset=0'],
      },
    },
  ],
  unknown: [
    {
      name: 'no /proc/cmdline and no kernel log to read it from',
      sample: 'lab-cloudpods-broken',
      evidence: {
        cmdline: { status: 'denied' },
        dmesg: { status: 'denied' },
        'journal-kernel': { status: 'denied' },
        'var-log-dmesg': null,
        'kern-log': null,
      },
      expect: { subject: 'host', collect: ['/proc/cmdline'] },
    },
  ],
  skip: [{ name: 'not a Cloudpods host', sample: 'lab-intel-healthy', expect: { subject: 'host', messageId: '(not a Cloudpods host)' } }],
});
