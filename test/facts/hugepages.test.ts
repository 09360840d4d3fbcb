/**
 * Huge page pools (src/facts/hugepages.ts) from the collector's listing of
 * /sys/kernel/mm/hugepages and /sys/devices/system/node/*\/hugepages, on the lab's real boots:
 * a 2 MiB reservation that was made, a 1 GiB one that was not, and an arm64 kernel's four sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildHugepages } from '../../src/facts/hugepages.js';
import { ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const poolsOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  return buildHugepages(evidenceSource(bundle, loadManifest(bundle).manifest));
};
const table = (f: ReturnType<typeof poolsOf>) => {
  if (f.state !== 'known') throw new Error(`unknown: ${f.reason}`);
  return f.value.pools.map((p) => [p.sizeKb, p.node, p.total, p.free, p.ref.line]);
};

describe('huge page pools from whole evidence', () => {
  it('64 pages of 2 MiB reserved and free, per host and per node (lab-hugepages-reserved)', () => {
    // commands/hugepages.out: lines 1-2 host nr_hugepages (1G: 0, 2M: 64), 3-4 their free counts,
    // lines 5-8 the same for node0.
    expect(table(poolsOf('lab-hugepages-reserved'))).toEqual([
      [1048576, null, 0, 0, 1],
      [2048, null, 64, 64, 2],
      [1048576, 0, 0, 0, 5],
      [2048, 0, 64, 64, 6],
    ]);
  });

  it('a 1 GiB reservation the kernel could not make: the pool exists with 0 pages (lab-hugepages-short)', () => {
    const pools = table(poolsOf('lab-hugepages-short'));
    expect(pools[0]).toEqual([1048576, null, 0, 0, 1]);
    expect(pools.every(([, , total]) => total === 0)).toBe(true);
  });

  it('an arm64 kernel with 4 KiB pages offers 64 KiB, 2 MiB, 32 MiB and 1 GiB pools (lab-arm64-healthy-acpi)', () => {
    const sizes = table(poolsOf('lab-arm64-healthy-acpi'))
      .filter(([, node]) => node === null)
      .map(([size]) => size);
    expect(sizes).toEqual([1048576, 2048, 32768, 64]);
  });

  it('cites the pools it read and has no gap when the listing is whole', () => {
    const f = poolsOf('lab-intel-healthy');
    if (f.state !== 'known') throw new Error('unknown');
    expect(f.gaps).toEqual([]);
    expect(f.evidence[0]).toEqual({
      evidence: 'hugepages',
      source: 'cat /sys/kernel/mm/hugepages/*/{nr,free}_hugepages',
      line: 1,
      text: '/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages 0',
    });
  });
});

describe('no pools, and pools that cannot be known', () => {
  it('no /sys/kernel/mm/hugepages on the host (a kernel without HugeTLB): known, no pools', () => {
    const f = poolsOf('lab-intel-healthy', { hugepages: null });
    expect(f.state).toBe('known');
    expect(f.state === 'known' && f.value.pools).toEqual([]);
  });

  it('the listing denied or never collected: unknown, never "no pools"', () => {
    for (const status of ['denied', 'not-collected', 'timeout'] as const) {
      const f = poolsOf('lab-intel-healthy', { hugepages: { status } });
      expect(f.state, status).toBe('unknown');
    }
  });

  it('a cut listing keeps the pools it shows and carries the cut as a gap', () => {
    // The first two lines of lab-hugepages-reserved's commands/hugepages.out: the host nr_hugepages only.
    const whole = readFileSync(join(ROOT, 'samples/lab-hugepages-reserved/evidence/commands/hugepages.out'), 'utf8');
    const cut = whole.split('\n').slice(0, 2).join('\n');
    const f = poolsOf('lab-hugepages-reserved', { hugepages: { status: 'truncated', text: cut } });
    expect(table(f)).toEqual([
      [1048576, null, 0, null, 1],
      [2048, null, 64, null, 2],
    ]);
    expect(f.state === 'known' && f.gaps.map((g) => g.why)).toEqual(['is cut (only part of it is in the bundle)']);
  });
});
