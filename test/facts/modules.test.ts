/**
 * The loaded and built-in modules (src/facts/modules.ts): /proc/modules, else lsmod, and the names
 * in /sys/module that /proc/modules does not list. Read from the lab's whole collector bundles
 * (samples/lab-intel-healthy/evidence), with single items cut, denied or missing the way a real
 * collection loses them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildModules } from '../../src/facts/modules.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const modulesOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  return buildModules(evidenceSource(bundle, loadManifest(bundle).manifest));
};
const known = <T>(f: { state: 'known'; value: T } | { state: 'unknown'; reason: string }): T => {
  if (f.state !== 'known') throw new Error(`expected a known fact: ${f.reason}`);
  return f.value;
};

// samples/lab-intel-healthy/evidence/proc/modules, lines 1-14, in order.
const LAB_LOADED = [
  'nvme',
  'nvme_core',
  't10_pi',
  'crc64_rocksoft',
  'crc_t10dif',
  'crc64',
  'crct10dif_common',
  'e1000e',
  'vfio_pci',
  'vfio_pci_core',
  'vfio_virqfd',
  'irqbypass',
  'vfio_iommu_type1',
  'vfio',
];

describe('modules from whole evidence', () => {
  it('lists /proc/modules in order and cites each line', () => {
    const f = modulesOf('lab-intel-healthy');
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.loaded).toEqual(LAB_LOADED);
    // proc/modules line 9: "vfio_pci 16384 0 - Live 0xffffffffc0562000"
    expect(f.value.refs['vfio_pci']).toEqual({
      evidence: 'proc-modules',
      source: '/proc/modules',
      line: 9,
      text: 'vfio_pci 16384 0 - Live 0xffffffffc0562000',
    });
    expect(f.evidence).toEqual([{ evidence: 'proc-modules', source: '/proc/modules', text: '14 modules loaded' }]);
    expect(f.gaps).toEqual([]);
  });

  it('takes the /sys/module names that are not loaded as built in, and never a loaded one', () => {
    const v = known(modulesOf('lab-intel-healthy'));
    // commands/sys-module.out has 78 names; the 14 loaded modules are among them (lines 11-14, 19, 30, 38, 39, 61, 68-72).
    expect(v.builtin).toHaveLength(64);
    expect(v.builtin.slice(0, 3)).toEqual(['8250', 'acpi', 'acpiphp']);
    expect(v.builtin).toContain('pciehp');
    for (const m of LAB_LOADED) expect(v.builtin).not.toContain(m);
    // sys-module.out line 44: pciehp
    expect(v.refs['pciehp']).toEqual({ evidence: 'sys-module', source: 'ls /sys/module', line: 44, text: 'pciehp' });
  });

  it('a host without the VFIO modules loaded: none of them is loaded or built in (lab-vfio-modules-missing)', () => {
    const v = known(modulesOf('lab-vfio-modules-missing'));
    for (const m of ['vfio', 'vfio_pci', 'vfio_iommu_type1']) {
      expect(v.loaded).not.toContain(m);
      expect(v.builtin).not.toContain(m);
    }
    // its /proc/modules line 1 is nvme, as on the healthy lab.
    expect(v.loaded[0]).toBe('nvme');
  });
});

describe('fallbacks and what cannot be known', () => {
  it('without /proc/modules: lsmod, its header skipped, its lines cited', () => {
    const f = modulesOf('lab-intel-healthy', { 'proc-modules': { status: 'not-collected' } });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.loaded).toEqual(LAB_LOADED);
    // commands/lsmod.out line 2: "nvme                   57344  0 " (line 1 is the header)
    expect(f.value.refs['nvme']).toMatchObject({ evidence: 'lsmod', source: 'lsmod', line: 2 });
    expect(f.evidence[0]?.source).toBe('lsmod');
  });

  it('lsmod from a documentation paste: the `...` elisions are lines it could not read, a gap', () => {
    const f = modulesOf('lab-intel-healthy', { 'proc-modules': { status: 'denied' }, lsmod: fx('lsmod/oracle-linux-ch06s02.txt') });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    // test/fixtures/lsmod/oracle-linux-ch06s02.txt: rows on lines 2-5 and 7-9; lines 6 and 10 are "...".
    expect(f.value.loaded).toEqual(['nls_utf8', 'fuse', 'tun', 'autofs4', 'ppdev', 'parport_pc', 'parport']);
    const unread = f.gaps.find((g) => g.why.includes('could not be read'));
    expect(unread?.lines?.map((l) => l.line)).toEqual([6, 10]);
  });

  it('neither /proc/modules nor lsmod: unknown, never "no module loaded"', () => {
    const f = modulesOf('lab-intel-healthy', { 'proc-modules': { status: 'denied' }, lsmod: { status: 'no-command' } });
    expect(f.state).toBe('unknown');
    if (f.state !== 'unknown') return;
    expect(f.reason).toContain('/proc/modules could not be read (permission denied');
    expect(f.reason).toContain('lsmod is not installed');
    expect(f.collect).toEqual(['sudo cat /proc/modules', 'lsmod']);
  });

  it('a kernel without module support (/proc/modules absent; lsmod fails as sos records it): unknown', () => {
    // test/fixtures/sos/lsmod-no-proc-modules.txt: kmod's lsmod on a host without /proc/modules.
    const f = modulesOf('lab-intel-healthy', {
      'proc-modules': null,
      lsmod: { status: 'error', text: fx('sos/lsmod-no-proc-modules.txt') },
    });
    expect(f.state).toBe('unknown');
  });

  it('/sys/module not collected: built-in modules are a gap, not "none built in"', () => {
    const f = modulesOf('lab-intel-healthy', { 'sys-module': { status: 'denied' } });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.builtin).toEqual([]);
    expect(f.gaps).toEqual([
      {
        source: 'ls /sys/module',
        why: 'could not be read (permission denied), so built-in modules are not known',
        collect: ['ls /sys/module'],
      },
    ]);
  });

  it('a cut /proc/modules keeps the lines it has and says it is cut', () => {
    const cut = readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/proc/modules'), 'utf8').split('\n').slice(0, 3).join('\n');
    const f = modulesOf('lab-intel-healthy', { 'proc-modules': { status: 'truncated', text: cut } });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.loaded).toEqual(['nvme', 'nvme_core', 't10_pi']);
    expect(f.gaps.map((g) => `${g.source} ${g.why}`)).toContain('/proc/modules is cut (only part of it is in the bundle)');
  });
});
