import rule from '../../rules/unsafe-interrupts-enabled.js';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

ruleTester(rule, {
  pass: [
    {
      name: 'arm64 without a GICv3 ITS: the parameter is what lets VFIO attach',
      sample: 'lab-arm64-no-its-dt',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-unsafe-interrupts.conf') },
      expect: { subject: 'host', messageId: 'needed', evidence: ['msi-map ...:1', '/etc/modprobe.d/test.conf:1'] },
    },
    {
      name: 'not set anywhere',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'notSet', evidence: ['/proc/cmdline:1'] },
    },
    {
      name: 'set, and needed: no interrupt remapping',
      sample: 'lab-intremap-off',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-unsafe-interrupts.conf') },
      expect: { subject: 'host', messageId: 'needed' },
    },
  ],
  fail: [
    {
      name: 'arm64 with a GICv3 ITS: MSIs are isolated, the parameter only removes the check',
      sample: 'lab-arm64-healthy-acpi',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-unsafe-interrupts.conf') },
      expect: {
        subject: 'host',
        messageId: 'unneeded',
        evidence: ['dmesg:82', '/etc/modprobe.d/test.conf:1'],
        fixKinds: ['edit-file', 'reboot', 'verify'],
      },
    },
    {
      name: "the guide's command line on a host with working remapping",
      sample: 'lab-intel-healthy',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt') },
      expect: {
        subject: 'host',
        messageId: 'unneeded',
        severity: 'warning',
        evidence: ['dmesg:', '/proc/cmdline:1'],
        fixKinds: ['note', 'edit-file', 'run', 'reboot', 'verify', 'verify'],
        commands: ['update-grub', 'vfio_iommu_type1.allow_unsafe_interrupts=1'],
      },
    },
    {
      name: 'pve-docs modprobe.d line on a host with working remapping',
      sample: 'lab-amd-healthy',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-unsafe-interrupts.conf') },
      expect: {
        subject: 'host',
        messageId: 'unneeded',
        evidence: ['/etc/modprobe.d/test.conf:1'],
        fixKinds: ['edit-file', 'reboot', 'verify'],
      },
    },
    {
      name: 'Cloudpods host: the host service requires it, severity lowered, fix keeps it',
      sample: 'lab-cloudpods-healthy',
      expect: {
        subject: 'host',
        messageId: 'unneeded',
        severity: 'info',
        evidence: ['/proc/cmdline:1', '/etc/yunion/host.conf'],
        fixKinds: ['note'],
      },
    },
  ],
  unknown: [
    {
      name: 'no kernel log: remapping unknown',
      sample: 'lab-intel-healthy',
      evidence: { dmesg: { status: 'denied' } },
      expect: { subject: 'host', collect: ['dmesg'] },
    },
  ],
});
