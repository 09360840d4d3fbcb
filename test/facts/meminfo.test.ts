/**
 * /proc/meminfo as key → number (src/facts/meminfo.ts), on the lab's real boots: kB values, and the
 * HugePages_* lines that are page counts.
 */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildMeminfo } from '../../src/facts/meminfo.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const meminfoOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  return buildMeminfo(evidenceSource(bundle, loadManifest(bundle).manifest));
};

describe('meminfo', () => {
  it('reads kB values and page counts (lab-hugepages-reserved proc/meminfo lines 1, 9, 46, 50)', () => {
    const f = meminfoOf('lab-hugepages-reserved');
    if (f.state !== 'known') throw new Error(`unknown: ${f.reason}`);
    expect(f.value['MemTotal']).toBe(1498268);
    expect(f.value['Active(anon)']).toBe(16);
    expect(f.value['HugePages_Total']).toBe(64);
    expect(f.value['Hugepagesize']).toBe(2048);
    expect(f.evidence).toEqual([{ evidence: 'meminfo', source: '/proc/meminfo', line: 1, text: 'MemTotal:        1498268 kB' }]);
    expect(f.gaps).toEqual([]);
  });

  it('a value wider than 32 bits stays exact (VmallocTotal: 34359738367 kB, line 36)', () => {
    const f = meminfoOf('lab-hugepages-reserved');
    expect(f.state === 'known' && f.value['VmallocTotal']).toBe(34359738367);
  });

  it("another machine's file (a Firecracker VM, 24 GiB)", () => {
    const f = meminfoOf('lab-intel-healthy', { meminfo: fx('meminfo/firecracker-6.18.txt') });
    expect(f.state === 'known' && f.value['MemTotal']).toBe(24683620);
  });

  it('not collected or denied: unknown, with what to run', () => {
    const denied = meminfoOf('lab-intel-healthy', { meminfo: { status: 'denied' } });
    expect(denied).toMatchObject({ state: 'unknown', collect: ['sudo cat /proc/meminfo'] });
    expect(meminfoOf('lab-intel-healthy', { meminfo: { status: 'not-collected' } }).state).toBe('unknown');
  });

  it('an empty capture holds no field: unknown', () => {
    expect(meminfoOf('lab-intel-healthy', { meminfo: '' }).state).toBe('unknown');
  });

  it('a cut file keeps what it has and says it is cut', () => {
    const head = fx('meminfo/firecracker-6.18.txt').split('\n').slice(0, 3).join('\n');
    const f = meminfoOf('lab-intel-healthy', { meminfo: { status: 'truncated', text: head } });
    if (f.state !== 'known') throw new Error('unknown');
    expect(Object.keys(f.value)).toEqual(['MemTotal', 'MemFree', 'MemAvailable']);
    expect(f.gaps.map((g) => g.why)).toEqual(['is cut (only part of it is in the bundle)']);
  });

  it('a line cut in the middle (a capture that stopped mid-line) is a gap, not silently dropped', () => {
    const lines = fx('meminfo/firecracker-6.18.txt').split('\n');
    const cut = [...lines.slice(0, 3), lines[3]!.slice(0, 4)].join('\n');
    const f = meminfoOf('lab-intel-healthy', { meminfo: cut });
    if (f.state !== 'known') throw new Error('unknown');
    expect(Object.keys(f.value)).toEqual(['MemTotal', 'MemFree', 'MemAvailable']);
    expect(f.gaps.map((g) => g.why)).toEqual(['has 1 line that could not be read']);
  });
});
