import rule from '../../rules/iommu-cmdline-invalid.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64: iommu.passthrough=1 is valid',
      sample: 'lab-arm64-passthrough-acpi',
      expect: { subject: 'host', messageId: 'valid', evidence: ['/proc/cmdline:1'] },
    },
    {
      name: 'intel_iommu=on iommu=pt',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'valid', evidence: ['/proc/cmdline:1'] },
    },
    {
      name: "the guide's command line: allow_unsafe_interrupts=1 is a valid bool",
      sample: 'lab-intel-healthy',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt') },
      expect: { subject: 'host', messageId: 'valid' },
    },
    { name: 'vfio-pci.ids=8086:10d3 is well formed', sample: 'lab-host-driver-claims', expect: { subject: 'host', messageId: 'valid' } },
  ],
  fail: [
    {
      // The passthrough guide's GRUB line (written for x86) followed on a Debian arm64 host.
      name: 'arm64: intel_iommu=on and iommu=pt from an x86 guide do nothing; iommu.passthrough=1 is the Arm form',
      sample: 'lab-arm64-healthy-acpi',
      evidence: { 'default-grub': fx('default-grub/debian-12-iommu.txt') },
      expect: {
        subject: 'host',
        messageId: 'invalid',
        evidence: ['/etc/default/grub:10'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify', 'verify'],
        commands: ['iommu.passthrough=1', 'intel_iommu=on'],
        severity: 'warning',
      },
    },
    {
      // yyu/vm: amd_iommu=on on the command line, and the RX 570 alone in IOMMU group 27: the IOMMU works,
      // the kernel ignores the value, so the finding is information, not a warning.
      name: 'amd_iommu=on on a host whose IOMMU works: reported at info level',
      loose: [
        'github-yyu-vm-x570-rx570-win10-vfio-healthy/kernel_cmdline.txt',
        'github-yyu-vm-x570-rx570-win10-vfio-healthy/iommu_groups.txt',
        'github-yyu-vm-x570-rx570-win10-vfio-healthy/lspci-nnk.txt',
      ],
      expect: { subject: 'host', messageId: 'invalid', severity: 'info' },
    },
    {
      // agenkit/ghost: only `dmesg | grep -i -e iommu -e AMD-Vi` was pasted; the kernel's complaint is the proof.
      name: "the kernel's \"Unknown option - 'on'\" without the command line",
      sample: 'lab-amd-healthy',
      evidence: {
        cmdline: { status: 'not-collected' },
        'default-grub': { status: 'not-collected' },
        dmesg: fx('../real-cases/cases/github-agenkit-ghost-amd-iommu-on-unknown-option/dmesg-grep-iommu-amdvi.txt'),
      },
      expect: { subject: 'host', messageId: 'invalid', evidence: ['dmesg:1'] },
    },
    {
      // Public thread foxlet/macOS-Simple-KVM#497: the poster pasted only the GRUB line.
      name: 'a misspelt id list in /etc/default/grub is found without /proc/cmdline',
      sample: 'lab-intel-healthy',
      evidence: {
        cmdline: { status: 'not-collected' },
        dmesg: { status: 'not-collected' },
        'default-grub': fx('../real-cases/cases/github-foxlet-macos-simple-kvm-497-vfio-pci-ids-misspelled/etc-default-grub-line.txt'),
      },
      expect: { subject: 'host', messageId: 'invalid', evidence: ['/etc/default/grub:1'] },
    },
    {
      name: 'amd_iommu=on on the command line and in /etc/default/grub; the kernel logged "Unknown option"',
      sample: 'lab-amd-iommu-on-invalid',
      expect: {
        subject: 'host',
        messageId: 'invalid',
        evidence: ['/proc/cmdline:1', '/etc/default/grub', 'dmesg:'],
        fixKinds: ['edit-file', 'run', 'reboot', 'verify'],
        commands: ['update-grub', 'amd_iommu=on'],
      },
    },
  ],
  unknown: [
    {
      name: 'no /proc/cmdline and no kernel log to read it from',
      sample: 'lab-intel-healthy',
      evidence: {
        cmdline: { status: 'denied' },
        dmesg: { status: 'denied' },
        'journal-kernel': { status: 'denied' },
        'var-log-dmesg': null,
        'kern-log': null,
      },
      expect: { subject: 'host', messageId: 'noCmdline', collect: ['cmdline'] },
    },
  ],
});
