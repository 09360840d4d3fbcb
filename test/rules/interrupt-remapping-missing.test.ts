import rule from '../../rules/interrupt-remapping-missing.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'Intel: DMAR-IR enabled',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'enabled', evidence: ['dmesg:'] },
    },
    { name: 'AMD: AMD-Vi interrupt remapping enabled', sample: 'lab-amd-healthy', expect: { subject: 'host', messageId: 'enabled' } },
  ],
  fail: [
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
