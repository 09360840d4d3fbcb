/**
 * Whether the VFIO modules come back after a reboot (src/facts/vfio-persistence.ts): built in, a
 * boot module list, a softdep of a loaded driver, or the command line (rd.driver.pre=,
 * modules-load=). From the lab's module facts and a published Manjaro command line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Facts } from '../../src/facts/facts.js';
import { bootLoader, builtinRef, cmdlineLoads, VFIO_MODULES } from '../../src/facts/vfio-persistence.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const factsOf = (sample: string, overrides: Record<string, Override> = {}): Facts =>
  analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
const value = <T>(f: { state: 'known'; value: T } | { state: 'unknown'; reason: string }): T => {
  if (f.state !== 'known') throw new Error(f.reason);
  return f.value;
};
const loaderOf = (f: Facts, mod: string) =>
  bootLoader(mod, value(f.modules), value(f.moduleConfig), f.kernelConfig.state === 'known' ? f.kernelConfig.value : null);

describe('how a VFIO module is brought up at boot', () => {
  it('listed in modules-load.d (lab-intel-healthy etc/modules-load.d/vfio.conf lines 1-3)', () => {
    const f = factsOf('lab-intel-healthy');
    expect(VFIO_MODULES.map((m) => [m, loaderOf(f, m)?.via, loaderOf(f, m)?.ref.line])).toEqual([
      ['vfio', 'modules-load-d', 1],
      ['vfio_iommu_type1', 'modules-load-d', 2],
      ['vfio_pci', 'modules-load-d', 3],
    ]);
  });

  it('only the softdep of a loaded driver (etc/modprobe.d/vfio.conf line 2 "softdep e1000e pre: vfio-pci", e1000e loaded)', () => {
    const f = factsOf('lab-intel-healthy', { 'modules-load-d': null });
    expect(loaderOf(f, 'vfio_pci')).toMatchObject({ via: 'softdep e1000e pre:', ref: { source: '/etc/modprobe.d/vfio.conf', line: 2 } });
    // The softdep names vfio-pci only: nothing brings vfio_iommu_type1 up by itself.
    expect(loaderOf(f, 'vfio_iommu_type1')).toBeNull();
  });

  it('loaded by hand, nothing configured (lab-vfio-not-persistent): none', () => {
    const f = factsOf('lab-vfio-not-persistent');
    expect(value(f.modules).loaded).toContain('vfio_pci');
    for (const m of VFIO_MODULES) expect(loaderOf(f, m), m).toBeNull();
  });

  it('a kernel whose config says "# CONFIG_VFIO is not set" builds nothing in (test/fixtures/kernel-config/firecracker-6.18.txt line 39)', () => {
    const f = factsOf('lab-vfio-not-persistent', { 'kernel-config': fx('kernel-config/firecracker-6.18.txt') });
    expect(builtinRef('vfio', value(f.modules), value(f.kernelConfig))).toBeNull();
  });

  it('CONFIG_VFIO=m is a module, not built in (lab-vfio-not-persistent kernel-config.out line 44)', () => {
    const f = factsOf('lab-vfio-not-persistent');
    expect(value(f.kernelConfig)['CONFIG_VFIO']?.value).toBe('m');
    expect(builtinRef('vfio', value(f.modules), value(f.kernelConfig))).toBeNull();
  });
});

describe('the command line', () => {
  it('rd.driver.pre=vfio-pci loads vfio_pci (a Manjaro dmesg "Command line:", line 1), and only it', () => {
    const dmesg = readFileSync(
      join(ROOT, 'test/real-cases/cases/github-pavolelsig-passthrough-helper-manjaro-5-nvme-still-on-nvme-driver/dmesg-vfio.txt'),
      'utf8',
    );
    const params = value(factsOf('lab-intel-healthy', { cmdline: { status: 'not-collected' }, dmesg }).cmdline).params;
    expect(cmdlineLoads('vfio_pci', params)?.raw).toBe('rd.driver.pre=vfio-pci');
    expect(cmdlineLoads('vfio', params)).toBeUndefined();
  });

  it('the lab command line loads no module', () => {
    const params = value(factsOf('lab-intel-healthy').cmdline).params;
    for (const m of VFIO_MODULES) expect(cmdlineLoads(m, params)).toBeUndefined();
  });
});
