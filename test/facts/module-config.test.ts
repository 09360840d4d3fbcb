/**
 * How the host is configured to load modules (src/facts/module-config.ts): modprobe.d directives and
 * the modules loaded at boot (modules-load.d, /etc/modules, initramfs-tools), from the lab's whole
 * bundles and verbatim published files; nothing configured is known only when the manifest says
 * the files were looked for.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/bundle/bundle.js';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildModuleConfig } from '../../src/facts/module-config.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const configOf = (overrides: Record<string, Override> = {}, sample = 'lab-intel-healthy') => {
  const bundle = sampleBundle(sample, overrides);
  return buildModuleConfig(evidenceSource(bundle, loadManifest(bundle).manifest));
};
/** The same evidence tree given without its manifest (a hand-made tree or pasted files). */
const withoutManifest = (bundle: Bundle, drop: (path: string) => boolean): Bundle => ({
  ...bundle,
  files: new Map([...bundle.files].filter(([p]) => p !== 'manifest.json' && !drop(p))),
});

describe('module configuration from whole evidence', () => {
  it('reads the options and softdep lines of modprobe.d and the modules-load.d list (lab-intel-healthy)', () => {
    const f = configOf();
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    // etc/modprobe.d/vfio.conf line 1 "options vfio-pci ids=8086:10d3", line 2 "softdep e1000e pre: vfio-pci"
    expect(f.value.modprobe.map((d) => [d.kind, d.module, d.params, d.pre, d.ref.line])).toEqual([
      ['options', 'vfio_pci', [{ key: 'ids', value: '8086:10d3' }], [], 1],
      ['softdep', 'e1000e', [], ['vfio_pci'], 2],
    ]);
    expect(f.value.modprobe[0]?.ref).toMatchObject({ evidence: 'modprobe-d', source: '/etc/modprobe.d/vfio.conf' });
    // etc/modules-load.d/vfio.conf lines 1-3: vfio, vfio_iommu_type1, vfio_pci
    expect(f.value.loadAtBoot.map((e) => [e.module, e.via, e.ref.line])).toEqual([
      ['vfio', 'modules-load-d', 1],
      ['vfio_iommu_type1', 'modules-load-d', 2],
      ['vfio_pci', 'modules-load-d', 3],
    ]);
    // /etc/modules, dracut.conf.d and /etc/initramfs-tools/modules are absent on the host: no gap.
    expect(f.gaps).toEqual([]);
  });

  it("Proxmox's /etc/modules with the three VFIO modules (pve-docs paste, indented)", () => {
    const f = configOf({ 'modules-load-d': null, 'etc-modules': fx('modules-load-d/pve-etc-modules.txt') });
    if (f.state !== 'known') throw new Error('unknown');
    expect(f.value.loadAtBoot.map((e) => [e.module, e.via, e.ref.source, e.ref.line])).toEqual([
      ['vfio', 'etc-modules', '/etc/modules', 1],
      ['vfio_iommu_type1', 'etc-modules', '/etc/modules', 2],
      ['vfio_pci', 'etc-modules', '/etc/modules', 3],
    ]);
  });

  it('module names in modprobe.d are folded to `_` (kmod aliases.conf: snd-pcsp, uhci-hcd pre: ehci-hcd)', () => {
    const f = configOf({ 'modprobe-d': { status: 'ok', text: fx('modprobe-d/kmod-aliases.conf'), name: 'aliases.conf' } });
    if (f.state !== 'known') throw new Error('unknown');
    // lines 5 and 14 of test/fixtures/modprobe-d/kmod-aliases.conf
    expect(f.value.modprobe.find((d) => d.ref.line === 5)).toMatchObject({
      kind: 'options',
      module: 'snd_pcsp',
      params: [{ key: 'index', value: '-2' }],
    });
    expect(f.value.modprobe.find((d) => d.ref.line === 14)).toMatchObject({ kind: 'softdep', module: 'uhci_hcd', pre: ['ehci_hcd'] });
    expect(f.value.modprobe).toHaveLength(7);
  });

  it('the initramfs-tools template holds only comments: nothing is loaded from it, and that is known', () => {
    const f = configOf({ 'modules-load-d': null, 'initramfs-tools-modules': fx('initramfs-tools-modules/debian-12-template.txt') });
    if (f.state !== 'known') throw new Error('unknown');
    expect(f.value.loadAtBoot).toEqual([]);
    expect(f.evidence.map((e) => e.source)).toContain('/etc/initramfs-tools/modules');
  });
});

describe('nothing configured, and what cannot be known', () => {
  it('every file absent on a host whose manifest looked for them: known, nothing configured', () => {
    const f = configOf({ 'modprobe-d': null, 'modules-load-d': null });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value).toEqual({ modprobe: [], loadAtBoot: [] });
    expect(f.gaps).toEqual([]);
  });

  it('no manifest and no configuration file in the tree: unknown, never "nothing configured"', () => {
    const tree = withoutManifest(
      sampleBundle('lab-intel-healthy'),
      (p) => p.startsWith('etc/modprobe.d/') || p.startsWith('etc/modules-load.d/'),
    );
    const f = buildModuleConfig(evidenceSource(tree, null));
    expect(f.state).toBe('unknown');
  });

  it('no manifest, but the files are in the tree: read as they are', () => {
    const tree = withoutManifest(sampleBundle('lab-intel-healthy'), () => false);
    const f = buildModuleConfig(evidenceSource(tree, null));
    if (f.state !== 'known') throw new Error('unknown');
    expect(f.value.loadAtBoot.map((e) => e.module)).toEqual(['vfio', 'vfio_iommu_type1', 'vfio_pci']);
  });

  it('modprobe.d unreadable: what was read stands, and the denied file is a gap', () => {
    const f = configOf({ 'modprobe-d': { status: 'denied', name: 'vfio.conf' } });
    if (f.state !== 'known') throw new Error('unknown');
    expect(f.value.modprobe).toEqual([]);
    expect(f.value.loadAtBoot).toHaveLength(3);
    expect(f.gaps).toEqual([
      {
        source: '/etc/modprobe.d/vfio.conf',
        why: 'could not be read (permission denied)',
        collect: ['sudo cat /etc/modprobe.d/vfio.conf'],
      },
    ]);
  });
});
