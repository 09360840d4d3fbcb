import rule from '../../rules/vfio-ids-capture-twin.js';
import { EVIDENCE_BY_ID } from '../../src/bundle/layout.js';
import { resolveOverride } from '../../scripts/sample-overrides.mjs';
import { fx } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

// A real lab modprobe.d file (samples/lab-intel-healthy, `options vfio-pci ids=8086:10d3`) with its
// id changed to the one the twins of the base sample share: lab-group-shared's two e1000 NICs
// (8086:100e), lab-cloudpods-gpu-issues' three std VGA devices (1234:1111). Same recipe as
// samples/derived-vfio-ids-capture-twin (scripts/sample-overrides.mjs `replace`).
const idsFor = (id: string) =>
  resolveOverride(
    'modprobe-d',
    { fromSample: 'lab-intel-healthy', path: 'etc/modprobe.d/vfio.conf', replace: ['8086:10d3', id], name: 'vfio.conf' },
    new Map(),
    EVIDENCE_BY_ID,
  );
const nics = { 'modprobe-d': idsFor('8086:100e') };
const fedora = { 'os-release': fx('os-release/fedora-32-man-example.txt') };

ruleTester(rule, {
  pass: [
    {
      name: 'one e1000e has the configured id',
      sample: 'lab-intel-healthy',
      expect: { messageId: 'single', subject: '0000:01:00.0', evidence: ['/etc/modprobe.d/vfio.conf:1'] },
    },
    {
      name: 'both twin NICs named with --device',
      sample: 'lab-group-shared',
      evidence: nics,
      devices: ['0000:03:01.0', '0000:03:02.0'],
      expect: { messageId: 'meant', subject: '0000:03:02.0' },
    },
    {
      name: 'NIC chosen by driver_override is meant',
      sample: 'lab-group-shared',
      evidence: nics,
      expect: { messageId: 'meant', subject: '0000:03:01.0' },
    },
    {
      name: 'no device named by address: twins that are not the console pass',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'modprobe-d': idsFor('1234:1111') },
      expect: { messageId: 'unnamed', subject: '0000:03:00.0' },
    },
    {
      name: 'placeholder ids from the PVE docs match nothing',
      sample: 'lab-group-shared',
      evidence: { 'modprobe-d': fx('modprobe-d/pve-vfio-ids.conf') },
      expect: { messageId: 'noMatch', subject: 'host' },
    },
  ],
  fail: [
    {
      name: "real lab: two identical NVMe controllers bound by id, the first holds the host's swap",
      sample: 'lab-nvme-twins-ids',
      expect: {
        messageId: 'twin',
        subject: '0000:01:00.0',
        severity: 'error',
        evidence: ['/etc/modprobe.d/vfio.conf:1', '/proc/swaps'],
      },
    },
    {
      name: 'real lab: the same twins bound by vfio-pci.ids= on the command line; the id leaves /etc/default/grub, the chosen one is bound by address',
      sample: 'lab-nvme-twins-cmdline-ids',
      devices: ['0000:02:00.0'],
      expect: {
        messageId: 'twin',
        subject: '0000:01:00.0',
        severity: 'error',
        evidence: ['/proc/cmdline:1', '/proc/swaps'],
        fixKinds: ['edit-file', 'edit-file', 'edit-file', 'edit-file', 'run', 'edit-file', 'run', 'reboot', 'verify', 'verify', 'verify'],
        commands: ['update-grub', 'add the line(s): 0000:02:00.0', 'softdep nvme pre: vfio-pci', 'update-initramfs'],
      },
    },
    {
      name: 'twin NIC left on e1000 next to the one with driver_override',
      sample: 'lab-group-shared',
      evidence: nics,
      expect: {
        messageId: 'twin',
        subject: '0000:03:02.0',
        severity: 'warning',
        evidence: ['/etc/modprobe.d/vfio.conf:1', 'sysfs'],
        fixKinds: ['edit-file', 'edit-file', 'edit-file', 'edit-file', 'edit-file', 'run', 'reboot', 'verify', 'verify', 'verify'],
        commands: ['add the line(s): 0000:03:01.0', 'driver_override', 'softdep e1000 pre: vfio-pci', 'copy_exec', 'update-initramfs'],
      },
    },
    {
      name: 'twin not named with --device; RHEL-like host rebuilds with dracut',
      sample: 'lab-group-shared',
      evidence: { ...nics, ...fedora },
      devices: ['0000:03:01.0'],
      expect: { messageId: 'twin', subject: '0000:03:02.0', commands: ['install_items', 'dracut -f'] },
    },
    {
      name: 'the boot VGA is one of three identical GPUs',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'modprobe-d': idsFor('1234:1111') },
      expect: {
        messageId: 'twin',
        subject: '0000:00:02.0',
        severity: 'error',
        evidence: ['/etc/modprobe.d/vfio.conf:1'],
      },
    },
  ],
  unknown: [
    {
      name: "twin NVMe controllers, none named, which one holds the host's storage is unknown",
      sample: 'lab-nvme-twins-ids',
      evidence: { 'block-devices': null },
      expect: { messageId: 'storageUnknown', subject: '0000:02:00.0' },
    },
    {
      name: 'ids configured, no PCI inventory',
      sample: 'lab-intel-healthy',
      evidence: {
        'pci-sysfs': { status: 'denied' },
        'lspci-nnk': { status: 'no-command' },
        'lspci-vvv': { status: 'no-command' },
        'iommu-groups': { status: 'denied' },
      },
      expect: { subject: 'host', messageId: 'noInventory', collect: ['lspci'] },
    },
  ],
  skip: [{ name: 'no vfio-pci ids anywhere', sample: 'lab-group-shared', expect: { subject: 'host', messageId: 'noIds' } }],
});
