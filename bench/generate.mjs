/**
 * Bench inputs of growing size, made from a real lab bundle (samples/lab-intel-healthy): the same
 * evidence with its PCI inventory, IOMMU groups and lspci listing grown to N functions in the
 * collector's formats, or its kernel log flooded with DMA remapping faults. These are load
 * shapes for timing, not evidence for rules.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packTree } from '../scripts/pack-tree.mjs';

const SAMPLE = join(import.meta.dirname, '..', 'samples', 'lab-intel-healthy', 'evidence');
const hex = (n, w) => n.toString(16).padStart(w, '0');

/** Function `fn` of slot `slot`: 255 buses × 32 slots per PCI domain, so 20,000 functions fit in one domain. */
function addr(slot, fn) {
  const domain = Math.floor(slot / (255 * 32));
  const bus = 1 + (Math.floor(slot / 32) % 255);
  return `${hex(domain, 4)}:${hex(bus, 2)}:${hex(slot % 32, 2)}.${fn}`;
}

/**
 * The three functions of one slot: a GPU bound to vfio-pci (a target), its HDMI audio function on
 * the host's sound driver in the same IOMMU group (so the target's group is not viable: a finding
 * per target), and a NIC in a group of its own.
 */
const ROLES = [
  {
    ids: ['10de', '1b06', '030000'],
    driver: 'vfio-pci',
    name: 'VGA compatible controller [0300]: NVIDIA Corporation GP102 [GeForce GTX 1080 Ti] [10de:1b06] (rev a1)',
    modules: 'nvidiafb, nouveau',
  },
  {
    ids: ['10de', '10ef', '040300'],
    driver: 'snd_hda_intel',
    name: 'Audio device [0403]: NVIDIA Corporation GP102 HDMI Audio Controller [10de:10ef] (rev a1)',
    modules: 'snd_hda_intel',
  },
  {
    ids: ['8086', '1592', '020000'],
    driver: 'ice',
    name: 'Ethernet controller [0200]: Intel Corporation Ethernet Controller E810-C for QSFP [8086:1592] (rev 02)',
    modules: 'ice',
  },
];

/**
 * `n` extra functions in the collector's formats (pci-sysfs.out, iommu-groups.out, lspci-nnk.out),
 * a third of them targets (GPUs bound to vfio-pci): the shape of a GPU server, every target with
 * a finding, every group with two members.
 */
export function bigHostFiles(n) {
  const sysfs = [];
  const groups = [];
  const lspci = [];
  for (let i = 0; i < n; i += 1) {
    const slot = Math.floor(i / 3);
    const role = ROLES[i % 3];
    const a = addr(slot, i % 3);
    const [vendor, device, cls] = role.ids;
    const group = 100 + 2 * slot + (i % 3 === 2 ? 1 : 0);
    sysfs.push(
      `[${a}]`,
      `path=/sys/devices/pci${a.slice(0, 4)}:00/${a.slice(0, 4)}:00:03.0/${a}`,
      `vendor=0x${vendor}`,
      `device=0x${device}`,
      'subsystem_vendor=0x10de',
      'subsystem_device=0x120f',
      `class=0x${cls}`,
      'revision=0xa1',
      `driver=${role.driver}`,
      `iommu_group=${group}`,
      'driver_override=(null)',
      'reset_method=flr bus',
      'numa_node=0',
      'enable=1',
      '',
    );
    groups.push(`${group} ${a}`);
    lspci.push(
      `${a.startsWith('0000:') ? a.slice(5) : a} ${role.name}`,
      '\tSubsystem: NVIDIA Corporation Device [10de:120f]',
      `\tKernel driver in use: ${role.driver}`,
      `\tKernel modules: ${role.modules}`,
    );
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

/**
 * A host root for the collector (its PTDOCTOR_ROOT, as test/collector/harness.ts builds one): the
 * lab sample's /proc, /etc and /boot files, and `n` PCI functions in sysfs's own shape — device
 * directories under /sys/devices with their attribute files, /sys/bus/pci/devices links, driver
 * and iommu_group links, and /sys/kernel/iommu_groups/N/devices — the same GPU, HDMI audio and NIC
 * slots as bigHostFiles.
 */
export function fakeHostRoot(dir, n) {
  rmSync(dir, { recursive: true, force: true });
  const put = (rel, text) => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  const link = (rel, target) => {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    symlinkSync(target, p);
  };
  for (const f of ['proc/cmdline', 'proc/modules', 'proc/meminfo', 'proc/cpuinfo', 'proc/swaps', 'proc/mounts', 'proc/iomem'])
    if (existsSync(join(SAMPLE, f))) put(f, readFileSync(join(SAMPLE, f)));
  put('proc/stat', 'cpu  1 2 3 4\nbtime 1795630000\nprocesses 100\n');
  cpSync(join(SAMPLE, 'etc'), join(dir, 'etc'), { recursive: true });
  cpSync(join(SAMPLE, 'boot'), join(dir, 'boot'), { recursive: true });
  for (const t of ['APIC', 'DMAR', 'DSDT', 'FACP', 'HPET', 'MCFG', 'WAET']) put(`sys/firmware/acpi/tables/${t}`, '');
  for (const driver of new Set(ROLES.map((r) => r.driver))) mkdirSync(join(dir, 'sys/bus/pci/drivers', driver), { recursive: true });
  for (let i = 0; i < n; i += 1) {
    const slot = Math.floor(i / 3);
    const role = ROLES[i % 3];
    const a = addr(slot, i % 3);
    const dev = `sys/devices/pci${a.slice(0, 4)}:00/${a}`;
    const [vendor, device, cls] = role.ids;
    const attrs = {
      vendor: `0x${vendor}`,
      device: `0x${device}`,
      subsystem_vendor: '0x10de',
      subsystem_device: '0x120f',
      class: `0x${cls}`,
      revision: '0xa1',
      driver_override: '(null)',
      reset_method: 'flr bus',
      numa_node: '0',
      enable: '1',
    };
    for (const [k, v] of Object.entries(attrs)) put(`${dev}/${k}`, `${v}\n`);
    link(`sys/bus/pci/devices/${a}`, `../../../devices/pci${a.slice(0, 4)}:00/${a}`);
    link(`${dev}/driver`, `../../../bus/pci/drivers/${role.driver}`);
    const group = 100 + 2 * slot + (i % 3 === 2 ? 1 : 0);
    mkdirSync(join(dir, `sys/kernel/iommu_groups/${group}/devices`), { recursive: true });
    link(`${dev}/iommu_group`, `../../../kernel/iommu_groups/${group}`);
    link(`sys/kernel/iommu_groups/${group}/devices/${a}`, `../../../../devices/pci${a.slice(0, 4)}:00/${a}`);
  }
  return dir;
}
