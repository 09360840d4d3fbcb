/**
 * Whether an IOMMU driver runs in the kernel (src/facts/kernel-iommu.ts): units in
 * /sys/class/iommu and groups in /sys/kernel/iommu_groups, else the log's "Adding to iommu group"
 * lines; no IOMMU only when both listings are whole, or the log is whole from boot. Real boots of
 * the lab: VT-d on, VT-d off in the firmware, intel_iommu=off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildCloudpods } from '../../src/facts/cloudpods.js';
import { buildKernelIommu } from '../../src/facts/kernel-iommu.js';
import { buildKernelLog } from '../../src/facts/kernel-log.js';
import { classifyLogs } from '../../src/facts/log-events.js';
import { ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const iommuOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
  const log = buildKernelLog(ev);
  return buildKernelIommu(ev, log, classifyLogs(log, buildCloudpods(ev)));
};
const noSysfs = { 'sys-class-iommu': { status: 'denied' }, 'iommu-groups': { status: 'denied' } } as const;
const dmesgOf = (sample: string): string => readFileSync(join(ROOT, 'samples', sample, 'evidence/commands/dmesg.out'), 'utf8');

describe('from the sysfs listings', () => {
  it('VT-d on: unit dmar0 and groups 0-6 (lab-intel-healthy sys-class-iommu.out, iommu-groups.out lines 1-9)', () => {
    const f = iommuOf('lab-intel-healthy');
    if (f.state !== 'known') throw new Error(f.reason);
    expect(f.value).toEqual({ active: true, groupCount: 7, units: ['dmar0'] });
    expect(f.evidence.map((e) => [e.evidence, e.line, e.text])).toEqual([
      ['sys-class-iommu', 1, 'dmar0'],
      ['iommu-groups', 1, '0 0000:00:00.0'],
    ]);
    expect(f.gaps).toEqual([]);
  });

  it('VT-d off in the firmware: both listings collected and empty, so no IOMMU is active (lab-intel-firmware-off)', () => {
    const f = iommuOf('lab-intel-firmware-off');
    if (f.state !== 'known') throw new Error(f.reason);
    expect(f.value).toEqual({ active: false, groupCount: 0, units: [] });
    expect(f.evidence.map((e) => e.text)).toEqual(['(empty: no IOMMU units)', '(empty: no IOMMU groups)']);
    expect(f.gaps).toEqual([]);
  });

  it('intel_iommu=off with a DMAR table: no unit, no group (lab-intel-kernel-off)', () => {
    const f = iommuOf('lab-intel-kernel-off');
    expect(f.state === 'known' && f.value).toEqual({ active: false, groupCount: 0, units: [] });
  });

  it('arm64: an SMMUv3 unit, and two groups of two functions behind a bridge (lab-arm64-healthy-dt)', () => {
    const f = iommuOf('lab-arm64-healthy-dt');
    expect(f.state === 'known' && f.value).toEqual({ active: true, groupCount: 2, units: ['smmu3.0x0000000009050000'] });
  });

  it('an empty unit listing beside unreadable groups: "none" is not proven, so the groups listing is a gap', () => {
    const f = iommuOf('lab-intel-firmware-off', { 'iommu-groups': { status: 'denied' } });
    if (f.state !== 'known') throw new Error(f.reason);
    expect(f.value.active).toBe(false);
    expect(f.gaps.map((g) => `${g.source} ${g.why}`)).toEqual([
      'ls /sys/kernel/iommu_groups/*/devices could not be read (permission denied)',
    ]);
  });

  it('a cut group listing still proves the groups it shows', () => {
    const head = readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/commands/iommu-groups.out'), 'utf8')
      .split('\n')
      .slice(0, 2)
      .join('\n');
    const f = iommuOf('lab-intel-healthy', {
      'iommu-groups': { status: 'truncated', text: head },
      'sys-class-iommu': { status: 'denied' },
    });
    expect(f.state === 'known' && f.value).toEqual({ active: true, groupCount: 2, units: [] });
  });
});

describe('from the kernel log when sysfs was not read', () => {
  it('"Adding to iommu group N" lines prove it active (lab-intel-healthy dmesg lines 321-329, groups 0-6)', () => {
    const f = iommuOf('lab-intel-healthy', noSysfs);
    if (f.state !== 'known') throw new Error(f.reason);
    expect(f.value).toEqual({ active: true, groupCount: 7, units: [] });
    expect(f.evidence[0]?.line).toBe(321);
  });

  it('no group line in a whole log from boot: no IOMMU (lab-intel-firmware-off)', () => {
    const f = iommuOf('lab-intel-firmware-off', noSysfs);
    expect(f.state === 'known' && f.value).toEqual({ active: false, groupCount: 0, units: [] });
  });

  it('no group line in a log that lost its start: unknown, never "no IOMMU"', () => {
    const cut = dmesgOf('lab-intel-firmware-off').split('\n').slice(60).join('\n');
    const f = iommuOf('lab-intel-firmware-off', { ...noSysfs, dmesg: cut });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toEqual(['sudo ls /sys/kernel/iommu_groups/*/devices', 'sudo ls /sys/class/iommu']);
  });

  it('neither sysfs nor a kernel log: unknown', () => {
    expect(iommuOf('lab-intel-healthy', { ...noSysfs, dmesg: { status: 'denied' } }).state).toBe('unknown');
  });
});
