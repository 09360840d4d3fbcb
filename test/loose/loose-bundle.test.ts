/**
 * Loose texts → the in-memory bundle the pipeline reads: only the items given are in the
 * synthetic manifest (status ok, or truncated for what a grep kept; named after the inputs); pieces of one id are joined in order;
 * texts put into their parser's shape (dmidecode → DMI lines, group listings → an lspci listing)
 * keep the input line behind each of their lines. Expectations written from the files.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildLooseBundle, type LooseText } from '../../src/loose/loose-bundle.js';
import { parseLspciNnk } from '../../src/parsers/lspci-nnk.js';

const read = (p: string): string => readFileSync(new URL(`../${p}`, import.meta.url), 'utf8');
const C = 'real-cases/cases/';
const texts = (...paths: string[]): LooseText[] => paths.map((p) => ({ name: p.slice(p.lastIndexOf('/') + 1), text: read(p) }));

describe('buildLooseBundle', () => {
  const kholia = `${C}github-kholia-osx-kvm-notes-rx580-vfio-healthy/`;
  const files = [
    'dmesg-grep-iommu.txt',
    'dmesg-grep-vfio.txt',
    'etc-modprobe-blacklist.txt',
    'etc-modprobe-vfio-conf.txt',
    'iommu-groups.txt',
    'lspci-nkk-d-1002-67df.txt',
    'lspci-nnk-grep-amd.txt',
  ];
  const b = buildLooseBundle(texts(...files.map((f) => kholia + f)), 'kholia');
  const { manifest } = loadManifest(b.bundle);
  const ev = evidenceSource(b.bundle, manifest);

  it('lists only the items given, named after their inputs; what a grep kept is a part (truncated)', () => {
    expect(manifest?.items.map((i) => [i.id, i.status, i.source])).toEqual([
      ['dmesg', 'truncated', 'dmesg-grep-iommu.txt:2-8, dmesg-grep-vfio.txt:2-5 (dmesg)'],
      ['modprobe-d', 'ok', 'etc-modprobe-blacklist.txt:4-5 (/etc/modprobe.d/blacklist.conf)'],
      ['modprobe-d', 'ok', 'etc-modprobe-vfio-conf.txt:2-6 (/etc/modprobe.d/vfio.conf)'],
      ['iommu-groups', 'ok', 'iommu-groups.txt:2-7 (IOMMU group listing (a header per group))'],
      ['lspci-nnk', 'truncated', 'lspci-nkk-d-1002-67df.txt:2-5, lspci-nnk-grep-amd.txt:2-3 (lspci -nk, lspci -nn)'],
    ]);
  });

  it('leaves everything not given "not collected", never absent', () => {
    for (const id of ['cmdline', 'proc-modules', 'lsmod', 'pci-sysfs', 'acpi-tables', 'default-grub'])
      expect(ev.one(id).status, id).toBe('not-collected');
    expect(ev.many('bls-entries').map((e) => e.status)).toEqual(['not-collected']);
  });

  it('joins pieces of one id in input order, and separates cut lspci listings with --', () => {
    const dmesg = ev.one('dmesg').text.split('\n');
    expect(dmesg[0]).toBe('[    0.076879] DMAR: IOMMU enabled');
    expect(dmesg[7]).toBe(
      '[    0.526198] vfio-pci 0000:01:00.0: vgaarb: changed VGA decodes: olddecodes=io+mem,decodes=io+mem:owns=io+mem',
    );
    expect(ev.one('lspci-nnk').text.split('\n').slice(0, 6)).toEqual([
      '01:00.0 0300: 1002:67df (rev ef)',
      '        Subsystem: 1da2:e366',
      '        Kernel driver in use: vfio-pci',
      '        Kernel modules: amdgpu',
      '--',
      '--',
    ]);
  });

  it('keeps the directory ids one file per piece, under the name the command gave', () => {
    expect(ev.many('modprobe-d').map((e) => e.path)).toEqual(['etc/modprobe.d/blacklist.conf', 'etc/modprobe.d/vfio.conf']);
    expect(ev.many('modprobe-d')[1]?.text).toBe(
      'options vfio-pci ids=1002:67df,1002:aaf0 disable_vga=1\nsoftdep radeon pre: vfio-pci\nsoftdep amdgpu pre: vfio-pci\nsoftdep nouveau pre: vfio-pci\nsoftdep drm pre: vfio-pci\n',
    );
  });

  it('puts dmidecode into the DMI lines the collector writes, each line traced to the input', () => {
    const d = buildLooseBundle(texts('fixtures/loose/published/dmidecode-supermicro-sys-4029gp-trt.txt'), 'dmi');
    const dmi = evidenceSource(d.bundle, loadManifest(d.bundle).manifest).one('dmi');
    expect(dmi.text).toBe(
      [
        'bios_vendor=American Megatrends Inc.',
        'bios_version=3.3',
        'bios_date=02/21/2020',
        'sys_vendor=Supermicro',
        'product_name=SYS-4029GP-TRT',
        'product_version=123456789',
        'board_vendor=Supermicro',
        'board_name=X11DPG-OT-CPU',
        '',
      ].join('\n'),
    );
    const lines = [...d.lines.values()][0] ?? [];
    expect(lines[3]?.origin).toEqual({ input: 'dmidecode-supermicro-sys-4029gp-trt.txt', line: 37, text: '\tManufacturer: Supermicro' });
  });

  it("makes the group listing's lspci lines the PCI inventory when no lspci was given (ls-iommu -grk keeps the drivers)", () => {
    const h = buildLooseBundle(texts(`${C}github-hikariknight-quickpassthrough-22-rtx3060-chipset-group/ls-iommu-grk.txt`), 'hikari');
    const lspci = evidenceSource(h.bundle, loadManifest(h.bundle).manifest).one('lspci-nnk');
    expect(lspci.source).toBe('ls-iommu-grk.txt (lspci lines of the IOMMU group listing)');
    expect(parseLspciNnk(lspci.text).devices.map((d) => [d.address, d.classCode, d.driver?.name, d.driverKnown])).toEqual([
      ['0000:01:00.0', '0c03', 'xhci_hcd', true],
      ['0000:01:00.1', '0106', 'ahci', true],
      ['0000:01:00.2', '0604', 'pcieport', true],
      ['0000:02:00.0', '0604', 'pcieport', true],
      ['0000:02:01.0', '0604', 'pcieport', true],
    ]);
    expect(h.inputs.pieces.map((p) => p.evidence)).toEqual(['iommu-groups']);
  });

  it('uses the last copy of a one-value item and says so on the earlier one', () => {
    const two = buildLooseBundle(
      [
        { name: 'first.txt', text: read('fixtures/cmdline/guide-proc-cmdline.txt') },
        { name: 'second.txt', text: read('fixtures/cmdline/asokolsky-duo-truenas.txt') },
      ],
      'two',
    );
    expect(evidenceSource(two.bundle, loadManifest(two.bundle).manifest).one('cmdline').text).toBe(
      read('fixtures/cmdline/asokolsky-duo-truenas.txt'),
    );
    expect(two.inputs.pieces[0]?.note).toBe('not used: second.txt is used instead (one value is read)');
  });

  it('puts `ls -l` of a group under the header its command names', () => {
    // the command as typed above this machine's real `ls -l` rows of PCI device links
    const rows = read('fixtures/loose/this-machine/ls-l-sys-bus-pci-devices.txt');
    const g = buildLooseBundle([{ name: 'group.txt', text: `# ls -l /sys/kernel/iommu_groups/5/devices\n${rows}` }], 'g');
    const groups = evidenceSource(g.bundle, loadManifest(g.bundle).manifest).one('iommu-groups');
    expect(groups.text.split('\n')[0]).toBe('/sys/kernel/iommu_groups/5/devices:');
    expect(g.inputs.pieces).toMatchObject([
      { readAs: 'ls of /sys/kernel/iommu_groups/5/devices', evidence: 'iommu-groups', first: 2, last: 8 },
    ]);
    expect([...g.lines.values()][0]?.[0]?.origin).toEqual({
      input: 'group.txt',
      line: 1,
      text: '# ls -l /sys/kernel/iommu_groups/5/devices',
    });
  });
});
