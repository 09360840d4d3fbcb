/**
 * Evidence shaped like the real thing at a scale no host reaches: every parser and fact must stay
 * within the budget (256 MiB peak RSS, 5 s of CPU) on what the reader keeps (at most 16 MiB and
 * 400,000 lines per file, 32 MiB and 1,000,000 lines in all). Each file is built from the real lab
 * sample's own lines (samples/lab-group-shared, samples/lab-cloudpods-gpu-issues), repeated with
 * other addresses, ids or lengths.
 */
import { type CorpusCase, entry, GROUP_SHARED, labSample, put, sampleEntries, tgz } from './corpus-case.js';
import { END_OF_ARCHIVE, writeTgzStream } from './raw-archive.js';

const MIB = 1024 ** 2;
const CLOUDPODS = labSample('lab-cloudpods-gpu-issues');
const text = (sample: typeof GROUP_SHARED, path: string): string => sample.files.get(path)!.bytes.toString('utf8');

/** PCI address number `i` in domain 0001 (no lab device lives there). */
function address(i: number): string {
  const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');
  return `0001:${hex((i >> 8) & 0xff, 2)}:${hex((i >> 3) & 0x1f, 2)}.${i & 7}`;
}

/** The block of one device in the sysfs PCI inventory (commands/pci-sysfs.out), verbatim. */
function sysfsBlock(inventory: string, addr: string): string {
  const start = inventory.indexOf(`[${addr}]\n`);
  return inventory.slice(start, inventory.indexOf('\n\n', start) + 2);
}

/** 25,000 GPUs: the lab's second bochs VGA device (0000:03:00.0, group 9) again and again, each in its own group. */
function gpuFlood(): Record<string, string> {
  const sysfs = text(CLOUDPODS, 'commands/pci-sysfs.out');
  const lspci = text(CLOUDPODS, 'commands/lspci-nnk.out');
  const block = sysfsBlock(sysfs, '0000:03:00.0');
  const lspciBlock = lspci.slice(
    lspci.indexOf('03:00.0 VGA'),
    lspci.indexOf('\n', lspci.indexOf('Kernel modules: bochs', lspci.indexOf('03:00.0 VGA'))) + 1,
  );
  const sysfsOut: string[] = [sysfs];
  const lspciOut: string[] = [lspci];
  const groupsOut: string[] = [text(CLOUDPODS, 'commands/iommu-groups.out')];
  for (let i = 0; i < 25_000; i += 1) {
    const a = address(i);
    sysfsOut.push(block.replaceAll('0000:03:00.0', a).replace('iommu_group=9', `iommu_group=${1000 + i}`));
    lspciOut.push(lspciBlock.replace('03:00.0', a));
    groupsOut.push(`${1000 + i} ${a}\n`);
  }
  return {
    'commands/pci-sysfs.out': sysfsOut.join(''),
    'commands/lspci-nnk.out': lspciOut.join(''),
    'commands/iommu-groups.out': groupsOut.join(''),
  };
}

/** A line of 1 MiB: `unit` repeated, then one letter. */
const longLine = (unit: string): string => `${unit.repeat(Math.floor((MIB - 2) / unit.length))}x\n`;

export const EVIDENCE_SCALE_CASES: readonly CorpusCase[] = [
  {
    id: 'iommu-group-450k-members',
    what: "the target NIC's IOMMU group listing 450,000 members",
    file: 'group-200k.tgz',
    build: (path) => {
      const members: string[] = [text(GROUP_SHARED, 'commands/iommu-groups.out')];
      for (let i = 0; i < 449_990; i += 1) members.push(`4 ${address(i)}\n`);
      return put(tgz(...sampleEntries({ 'commands/iommu-groups.out': members.join('') })))(path);
    },
    // the listing is cut at the reader's 400,000 lines; the members that make the group unviable come first
    expect: { kind: 'report', evidence: { 'iommu-groups': 'truncated' }, findings: { 'group-not-viable': 'fail' } },
  },
  {
    id: 'gpu-25k',
    what: 'a Cloudpods host with 25,000 GPU-class devices, each in its own IOMMU group (PCI inventory cut at 400,000 lines)',
    file: 'gpu-25k.tgz',
    build: (path) => writeTgzStream(path, () => sampleEntries(gpuFlood(), CLOUDPODS).concat(END_OF_ARCHIVE)),
    expect: { kind: 'report', evidence: { 'lspci-nnk': 'ok', 'pci-sysfs': 'truncated' } },
  },
  {
    id: 'modprobe-d-49k-files',
    what: '49,000 files in /etc/modprobe.d, each an `options vfio-pci ids=` line (no manifest: read by path)',
    file: 'modprobe-files.tgz',
    build: (path) =>
      writeTgzStream(path, function* () {
        const files = new Map(CLOUDPODS.files);
        files.delete('manifest.json');
        yield* sampleEntries({}, { ...CLOUDPODS, files });
        const line = text(CLOUDPODS, 'etc/modprobe.d/vfio.conf');
        for (let i = 0; i < 49_000; i += 1) yield entry(`${CLOUDPODS.top}/etc/modprobe.d/site-${i}.conf`, line);
        yield END_OF_ARCHIVE;
      }),
    expect: { kind: 'report', manifestProblem: /^manifest\.json is missing$/ },
  },
  {
    id: 'modprobe-d-190k-lines',
    what: 'one /etc/modprobe.d file of 190,000 `options vfio-pci ids=` lines',
    file: 'modprobe-lines.tgz',
    build: (path) => {
      const options = text(CLOUDPODS, 'etc/modprobe.d/vfio.conf').split('\n')[0];
      return put(tgz(...sampleEntries({ 'etc/modprobe.d/vfio.conf': `${options}\n`.repeat(190_000) }, CLOUDPODS)))(path);
    },
    expect: { kind: 'report', evidence: { 'modprobe-d': 'ok' } },
  },
  {
    id: 'host-conf-long-list',
    what: 'host.conf with a YAML list of 190,000 items',
    file: 'host-conf-list.tgz',
    build: (path) => {
      const items = Array.from({ length: 190_000 }, (_, i) => `- 10de:${(i & 0xffff).toString(16).padStart(4, '0')}\n`);
      const conf = `${text(CLOUDPODS, 'etc/yunion/host.conf')}isolated_device_whitelist:\n${items.join('')}`;
      return put(tgz(...sampleEntries({ 'etc/yunion/host.conf': conf }, CLOUDPODS)))(path);
    },
    expect: { kind: 'report', evidence: { 'yunion-host-conf': 'ok' } },
  },
  {
    id: 'host-conf-flow-list',
    what: 'host.conf with a flow list of 1,500,000 items on one line',
    file: 'host-conf-flow.tgz',
    build: (path) => {
      const conf = `${text(CLOUDPODS, 'etc/yunion/host.conf')}isolated_device_whitelist: [${Array.from({ length: 1_500_000 }, (_, i) => `a${i}`).join(', ')}]\n`;
      return put(tgz(...sampleEntries({ 'etc/yunion/host.conf': conf }, CLOUDPODS)))(path);
    },
    expect: { kind: 'report', evidence: { 'yunion-host-conf': 'ok' } },
  },
  {
    id: 'dmesg-tab-lines',
    what: 'the kernel log of a Cloudpods host as 16 lines of 1 MiB of tabs',
    file: 'dmesg-tabs.tgz',
    build: (path) => put(tgz(...sampleEntries({ 'commands/dmesg.out': longLine('\t').repeat(16) }, CLOUDPODS)))(path),
    expect: { kind: 'report', evidence: { dmesg: 'ok' } },
  },
  {
    id: 'config-tab-lines',
    what: '/proc/cmdline, /etc/default/grub, /etc/os-release, modprobe.d and host.conf each 4 lines of 1 MiB of `a<TAB>`',
    file: 'config-tabs.tgz',
    build: (path) => {
      const lines = longLine('a\t').repeat(4);
      const paths = ['proc/cmdline', 'etc/default/grub', 'etc/os-release', 'etc/modprobe.d/vfio.conf', 'etc/yunion/host.conf'];
      return put(tgz(...sampleEntries(Object.fromEntries(paths.map((p) => [p, lines])), CLOUDPODS)))(path);
    },
    expect: { kind: 'report', evidence: { cmdline: 'ok' } },
  },
];
