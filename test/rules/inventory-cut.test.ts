import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule from '../../rules/inventory-cut.js';
import { fx, ROOT } from '../helpers/bundle-from.js';
import { ruleTester } from '../helpers/rule-tester.js';

const sample = (name: string, path: string): string => readFileSync(join(ROOT, 'samples', name, 'evidence', path), 'utf8');
const sysfs = sample('lab-intel-healthy', 'commands/pci-sysfs.out');
const groups = sample('lab-intel-healthy', 'commands/iommu-groups.out');

/** The first `n` device blocks of a sysfs inventory: what a collector's item cap leaves of it. */
const firstBlocks = (inventory: string, n: number): string => `${inventory.split('\n\n').slice(0, n).join('\n\n')}\n`;

/**
 * lab-vfio-modules-missing's sysfs inventory with its boot VGA device (0000:00:02.0) repeated 1,100
 * times in domain 0001 (no lab device lives there), each in a group of its own and not the boot
 * device: 1,101 GPUs and a NIC that could be passed through.
 */
function manyGpus(count = 1100): string {
  const inventory = sample('lab-vfio-modules-missing', 'commands/pci-sysfs.out');
  const start = inventory.indexOf('[0000:00:02.0]\n');
  const block = inventory.slice(start, inventory.indexOf('\n\n', start) + 2);
  const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');
  const copies = Array.from({ length: count }, (_, i) => {
    const address = `0001:${hex(i >> 5, 2)}:${hex(i & 31, 2)}.0`;
    return block
      .replaceAll('0000:00:02.0', address)
      .replace('iommu_group=1', `iommu_group=${1000 + i}`)
      .replace('boot_vga=1\n', '');
  });
  return `${inventory.trimEnd()}\n\n${copies.join('')}`;
}

/**
 * lab-cloudpods-gpu-issues's sysfs inventory with its second VGA device (0000:03:00.0) repeated
 * 1,100 times in domain 0001, each in a group of its own: a Cloudpods host of 1,102 GPUs.
 */
function cloudpodsGpus(): string {
  const inventory = sample('lab-cloudpods-gpu-issues', 'commands/pci-sysfs.out');
  const start = inventory.indexOf('[0000:03:00.0]\n');
  const block = inventory.slice(start, inventory.indexOf('\n\n', start) + 2);
  const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');
  const copies = Array.from({ length: 1100 }, (_, i) =>
    block.replaceAll('0000:03:00.0', `0001:${hex(i >> 5, 2)}:${hex(i & 31, 2)}.0`).replace(/iommu_group=\d+/, `iommu_group=${1000 + i}`),
  );
  return `${inventory.trimEnd()}\n\n${copies.join('')}`;
}

ruleTester(rule, {
  pass: [
    {
      name: 'the sysfs inventory, lspci -nnk and the group listing collected whole',
      sample: 'lab-intel-healthy',
      expect: { subject: 'host', messageId: 'whole', evidence: ['sysfs PCI inventory'] },
    },
  ],
  fail: [
    {
      name: 'the sysfs inventory cut after its third device (collector item cap)',
      sample: 'lab-intel-healthy',
      evidence: { 'pci-sysfs': { status: 'truncated', text: firstBlocks(sysfs, 3) } },
      expect: {
        subject: 'host',
        messageId: 'cut',
        severity: 'error',
        evidence: ['sysfs PCI inventory'],
        fixKinds: ['run', 'note', 'note'],
        commands: ['PTDOCTOR_MAX_ITEM_BYTES'],
      },
    },
    {
      name: 'the IOMMU group listing cut',
      sample: 'lab-intel-healthy',
      evidence: { 'iommu-groups': { status: 'truncated', text: groups.split('\n').slice(0, 2).join('\n') } },
      expect: { subject: 'host', messageId: 'cut', severity: 'error', evidence: ['ls /sys/kernel/iommu_groups/*/devices'] },
    },
    {
      // The same VGA block 6,200 times: a whole inventory, but more functions than the 6,144 analyzed.
      name: 'an inventory of 6,202 functions, whole in the bundle: cut on reading',
      sample: 'lab-vfio-modules-missing',
      evidence: { 'pci-sysfs': manyGpus(6200) },
      expect: { subject: 'host', messageId: 'cut', severity: 'error', fixKinds: ['run', 'note', 'note'] },
    },
    {
      name: '1,102 GPUs and NICs and none named (command line without vfio-pci.ids): only the first 1,024 are checked',
      sample: 'lab-vfio-modules-missing',
      evidence: { cmdline: fx('cmdline/guide-proc-cmdline.txt'), 'pci-sysfs': manyGpus() },
      expect: { subject: 'host', messageId: 'candidatesCapped', severity: 'warning', fixKinds: ['note'] },
    },
    {
      name: 'a Cloudpods host of 1,102 GPUs: its checks run on the first 1,024',
      sample: 'lab-cloudpods-gpu-issues',
      evidence: { 'pci-sysfs': cloudpodsGpus() },
      expect: { subject: 'host', messageId: 'gpusCapped', severity: 'warning', fixKinds: ['note'] },
    },
  ],
  // The collection fact describes the bundle itself and is always known.
  unknown: [],
  skip: [
    {
      name: 'evidence given by hand (a pasted terminal session with lspci -nnk)',
      loose: ['github-ashtonian-kvm-aio-rx550-vfio-groups-healthy/terminal-session.txt'],
      expect: { subject: 'host', messageId: 'given' },
    },
    {
      name: 'no inventory collected at all',
      sample: 'lab-intel-healthy',
      evidence: { 'pci-sysfs': null, 'lspci-nnk': null, 'lspci-vvv': null, 'iommu-groups': null },
      expect: { subject: 'host', messageId: 'noInventory' },
    },
  ],
});
