/**
 * Which PCI devices the Cloudpods host service takes and how it reads host.conf device entries
 * (src/facts/cloudpods-devices.ts), on the lab's Cloudpods hosts: three identical std VGA devices,
 * one the boot VGA (lab-cloudpods-gpu-issues), and an NVMe entry whose size the host service refuses
 * (lab-cloudpods-nvme-storage).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import {
  deviceAt,
  gpuProbeDisabledBy,
  isTrue,
  listItems,
  nvmeEntries,
  passthroughGpus,
  shortAddr,
} from '../../src/facts/cloudpods-devices.js';
import type { Facts } from '../../src/facts/facts.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const factsOf = (sample: string, overrides: Record<string, Override> = {}): Facts =>
  analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
const value = <T>(f: { state: 'known'; value: T } | { state: 'unknown'; reason: string }): T => {
  if (f.state !== 'known') throw new Error(f.reason);
  return f.value;
};
const gpusOf = (f: Facts) => passthroughGpus(value(f.pci), value(f.cloudpods)).map((d) => d.address);

describe('the GPUs the host service takes', () => {
  it('use_boot_vga: true (host.conf line 2): all three VGA devices, the boot VGA 00:02.0 included', () => {
    const f = factsOf('lab-cloudpods-gpu-issues');
    expect(isTrue(value(f.cloudpods), 'use_boot_vga')).toBe(true);
    // commands/pci-sysfs.out: 0000:00:02.0, 03:00.0, 04:00.0 are class 0x030000 (boot_vga=1 on 00:02.0 only).
    expect(gpusOf(f)).toEqual(['0000:00:02.0', '0000:03:00.0', '0000:04:00.0']);
  });

  it("without use_boot_vga (the GPU guide's keys): the boot VGA is left to the host", () => {
    const f = factsOf('lab-cloudpods-gpu-issues', { 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf') });
    expect(gpusOf(f)).toEqual(['0000:03:00.0', '0000:04:00.0']);
  });

  it("an AMD vGPU PF list under the guide's misspelt key AMDVgpuPFs is not read, so 04:00.0 stays a passthrough GPU", () => {
    const conf = readFileSync(join(ROOT, 'samples/lab-cloudpods-broken/evidence/etc/yunion/host.conf'), 'utf8');
    const f = factsOf('lab-cloudpods-gpu-issues', { 'yunion-host-conf': conf });
    expect(listItems(value(f.cloudpods), 'amd_vgpu_pfs')).toEqual([]);
    expect(gpusOf(f)).toEqual(['0000:03:00.0', '0000:04:00.0']);
  });

  it('the limit keeps the first GPUs only', () => {
    const f = factsOf('lab-cloudpods-gpu-issues');
    expect(passthroughGpus(value(f.pci), value(f.cloudpods), 1).map((d) => d.address)).toEqual(['0000:00:02.0']);
  });

  it('disable_gpu: false leaves the probe on', () => {
    expect(gpuProbeDisabledBy(value(factsOf('lab-cloudpods-gpu-issues').cloudpods))).toBeNull();
  });
});

describe('host.conf device entries', () => {
  it('a list option: nvidia_vgpu_pfs with its - 82:00.0 item (host-conf-guide-keys.conf line 3)', () => {
    const cp = value(factsOf('lab-cloudpods-healthy', { 'yunion-host-conf': fx('cloudpods/host-conf-guide-keys.conf') }).cloudpods);
    expect(listItems(cp, 'nvidia_vgpu_pfs').map((i) => [i.value, i.ref.line])).toEqual([['82:00.0', 3]]);
    expect(listItems(cp, 'amd_vgpu_pfs')).toEqual([]);
  });

  it('ptnvme_configs "- 02:00.0/3.5T": the size 3.5T fails the host service\'s size pattern (lab-cloudpods-nvme-storage line 3)', () => {
    const f = factsOf('lab-cloudpods-nvme-storage');
    expect(nvmeEntries(value(f.cloudpods))).toMatchObject([
      {
        raw: '02:00.0/3.5T',
        addr: '02:00.0',
        size: '3.5T',
        error: 'failed parse pci device 02:00.0 size 3.5T: Invalid size string 3.5T',
        ref: { line: 3 },
      },
    ]);
    // The short address names the NVMe controller of that lab (pci-sysfs.out [0000:02:00.0], class 0x010802).
    expect(deviceAt(value(f.pci), '02:00.0')?.classCode).toBe('010802');
    expect(deviceAt(value(f.pci), '05:00.0')).toBeUndefined();
  });

  it('short addresses drop the 0000 domain only', () => {
    expect([shortAddr('0000:03:00.0'), shortAddr('0001:01:00.0')]).toEqual(['03:00.0', '0001:01:00.0']);
  });
});
