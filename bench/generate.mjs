/**
 * Bench inputs of growing size, made from a real lab bundle (samples/lab-intel-healthy): the same
 * evidence with its PCI inventory, IOMMU groups and lspci listing grown to N functions in the
 * collector's formats, or its kernel log flooded with DMA remapping faults. These are load
 * shapes for timing, not evidence for rules.
 */
import { mkdirSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packTree } from '../scripts/pack-tree.mjs';

const SAMPLE = join(import.meta.dirname, '..', 'samples', 'lab-intel-healthy', 'evidence');
const hex = (n, w) => n.toString(16).padStart(w, '0');

function addr(i) {
  const bus = 1 + Math.floor(i / 32);
  return `0000:${hex(bus % 256, 2)}:${hex(i % 32, 2)}.0`;
}

/** A host with `n` extra functions: GPUs (+ audio), NICs with VFs, bridges. */
export function bigHostFiles(n) {
  const sysfs = [];
  const groups = [];
  const lspci = [];
  for (let i = 0; i < n; i += 1) {
    const a = addr(i);
    const kind = i % 50 === 0 ? 'gpu' : i % 25 === 0 ? 'bridge' : 'vf';
    const [vendor, device, cls, drv, name] =
      kind === 'gpu'
        ? [
            '10de',
            '1b06',
            '030000',
            'vfio-pci',
            'VGA compatible controller [0300]: NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] [10de:1b06] (rev a1)',
          ]
        : kind === 'bridge'
          ? ['1b36', '000c', '060400', 'pcieport', 'PCI bridge [0604]: Red Hat, Inc. QEMU PCIe Root port [1b36:000c]']
          : [
              '8086',
              '154c',
              '020000',
              'iavf',
              'Ethernet controller [0200]: Intel Corporation Ethernet Virtual Function 700 Series [8086:154c] (rev 02)',
            ];
    sysfs.push(
      `[${a}]`,
      `path=/sys/devices/pci0000:00/0000:00:03.0/${a}`,
      `vendor=0x${vendor}`,
      `device=0x${device}`,
      'subsystem_vendor=0x1af4',
      'subsystem_device=0x1100',
      `class=0x${cls}`,
      'revision=0x00',
      `driver=${drv}`,
      `iommu_group=${100 + Math.floor(i / 2)}`,
      'driver_override=(null)',
      'numa_node=0',
      'enable=1',
      '',
    );
    groups.push(`${100 + Math.floor(i / 2)} ${a}`);
    lspci.push(`${a.slice(5)} ${name}`, '\tSubsystem: Red Hat, Inc. Device [1af4:1100]', `\tKernel driver in use: ${drv}`);
  }
  return { sysfs: `${sysfs.join('\n')}\n`, groups: `${groups.join('\n')}\n`, lspci: `${lspci.join('\n')}\n` };
}

/** A kernel log of about `mb` MiB: the real boot log, then DMA remapping faults (dmar_fault_do_one's format). */
export function floodedDmesg(mb) {
  const boot = readFileSync(join(SAMPLE, 'commands', 'dmesg.out'), 'utf8');
  const lines = [boot.trimEnd()];
  let size = boot.length;
  let t = 100;
  while (size < mb * 1024 * 1024) {
    t += 0.000137;
    const l = `[${t.toFixed(6).padStart(12)}] DMAR: [DMA Read NO_PASID] Request device [01:00.0] fault addr 0x${hex(Math.floor(t * 4096), 12)} [fault reason 0x06] PTE Read access is not set`;
    lines.push(l);
    size += l.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

export async function makeBundle(dir, name, mutate) {
  const tree = join(dir, name);
  rmSync(tree, { recursive: true, force: true });
  cpSync(SAMPLE, tree, { recursive: true });
  mutate(tree);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.tgz`);
  writeFileSync(path, await packTree(tree, `ptdoctor-${name}`));
  return path;
}

export async function bigHost(dir, n) {
  return makeBundle(dir, `host-${n}`, (tree) => {
    const f = bigHostFiles(n);
    writeFileSync(join(tree, 'commands', 'pci-sysfs.out'), readFileSync(join(tree, 'commands', 'pci-sysfs.out'), 'utf8') + f.sysfs);
    writeFileSync(join(tree, 'commands', 'iommu-groups.out'), readFileSync(join(tree, 'commands', 'iommu-groups.out'), 'utf8') + f.groups);
    writeFileSync(join(tree, 'commands', 'lspci-nnk.out'), readFileSync(join(tree, 'commands', 'lspci-nnk.out'), 'utf8') + f.lspci);
  });
}

export async function floodedLog(dir, mb) {
  return makeBundle(dir, `dmesg-${mb}mb`, (tree) => writeFileSync(join(tree, 'commands', 'dmesg.out'), floodedDmesg(mb)));
}
