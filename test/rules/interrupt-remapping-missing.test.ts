import rule from '../../rules/interrupt-remapping-missing.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64: the GICv3 ITS isolates MSIs (6.1 ACPI)',
      sample: 'lab-arm64-healthy-acpi',
      expect: { subject: 'host', messageId: 'msiIsolated', evidence: ['dmesg:82'] },
    },
    {
      name: 'arm64: the ITS of a 6.12 device-tree boot, which no longer prints its PCI/MSI domain',
      sample: 'lab-arm64-healthy-dt-6.12',
      expect: { subject: 'host', messageId: 'msiIsolated', evidence: ['dmesg:68'] },
    },
    {
      name: 'arm64 without an SMMU: MSIs are still isolated by the ITS (the SMMU is iommu-firmware-disabled)',
      sample: 'lab-arm64-no-smmu-acpi',
      expect: { subject: 'host', messageId: 'msiIsolated' },
    },
    {
      name: 'Intel: DMAR-IR enabled',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'enabled', evidence: ['dmesg:'] },
    },
    { name: 'AMD: AMD-Vi interrupt remapping enabled', sample: 'lab-amd-healthy', expect: { subject: 'host', messageId: 'enabled' } },
  ],
  fail: [
    {
      // ubuntuforums 2254677 (2014): an IVRS table without the real IOAPICs, in the kernel's older wording
      // ("[Firmware Bug]: AMD-Vi: … not in IVRS table", "Disabling interrupt remapping due to BIOS Bug(s)", lines 38-41).
      name: 'AMD, older kernel: the IVRS table misses the IOAPICs, interrupt remapping disabled',
      loose: ['ubuntuforums-2254677-sabertooth-990fx-broken-ivrs-no-intremap/post1-dmesg-amd-iommu-dump.txt'],
      expect: { subject: 'host', messageId: 'missing', evidence: [':41'] },
    },
    {
      name: 'arm64 device tree with a GICv2m and no ITS: MSIs not isolated',
      sample: 'lab-arm64-no-its-dt',
      expect: {
        subject: 'host',
        messageId: 'msiNotIsolated',
        // the device tree names the GICv2m frame as the PCI MSI controller
        evidence: ['msi-map ...:1', '/proc/cmdline:1'],
        fixKinds: ['note', 'reboot', 'verify'],
        commands: ['gic-version=3'],
      },
    },
    {
      name: 'arm64 bare metal without an ITS: the firmware must describe one',
      sample: 'lab-arm64-no-its-dt',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'msiNotIsolated', fixKinds: ['firmware', 'reboot', 'verify'], commands: ['GICv3 ITS'] },
    },
    {
      name: 'arm64 without an ITS, allow_unsafe_interrupts in modprobe.d: lowered to info',
      sample: 'lab-arm64-no-its-dt',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-unsafe-interrupts.conf') },
      expect: { subject: 'host', messageId: 'missingButAllowed', severity: 'info' },
    },
    {
      // MrChromebox/firmware#458: coreboot's DMAR leaves the I/O APIC unmapped; only a DMAR grep was posted.
      name: 'the firmware bug line proves remapping off, without the command line',
      sample: 'lab-intel-healthy',
      evidence: {
        cmdline: { status: 'not-collected' },
        dmesg: fx('../real-cases/cases/github-mrchromebox-firmware-458-dmar-ir-ioapic-firmware-bug/dmesg-dmar.txt'),
      },
      expect: { subject: 'host', messageId: 'missing', evidence: ['dmesg:9'] },
    },
    {
      name: 'virtual VT-d without intremap (VM): the outer hypervisor must provide it',
      sample: 'lab-intremap-off',
      expect: {
        subject: 'host',
        messageId: 'missing',
        severity: 'error',
        evidence: ['dmesg:', '/proc/cmdline:1'],
        fixKinds: ['note', 'reboot', 'verify'],
      },
    },
    {
      name: 'bare metal: the firmware setting',
      sample: 'lab-intremap-off',
      evidence: { 'systemd-detect-virt': 'none\n' },
      expect: { subject: 'host', messageId: 'missing', fixKinds: ['firmware', 'reboot', 'verify'], commands: ['Interrupt Remapping'] },
    },
    {
      name: 'allow_unsafe_interrupts=1 in modprobe.d: lowered to info',
      sample: 'lab-intremap-off',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-unsafe-interrupts.conf') },
      expect: { subject: 'host', messageId: 'missingButAllowed', severity: 'info', evidence: ['/etc/modprobe.d/test.conf:1'] },
    },
  ],
  unknown: [
    {
      name: 'LoongArch: not supported yet',
      sample: 'lab-intremap-off',
      evidence: { uname: { status: 'not-collected' }, cpuinfo: fx('architecture/loongson-3c6000-cpuinfo.txt') },
      expect: { subject: 'host', messageId: 'unsupported' },
    },
    {
      name: 'no kernel log',
      sample: 'lab-intremap-off',
      evidence: { dmesg: { status: 'denied' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
  skip: [
    {
      name: 'no IOMMU at all (VT-d off in the firmware)',
      sample: 'lab-intel-firmware-off',
      expect: { subject: 'host', messageId: 'noIommu' },
    },
  ],
});
