/**
 * The running kernel's release (src/facts/kernel.ts): `uname -srvm`, else the release the
 * collector wrote into its manifest; and the one release comparison rules use.
 */
import { describe, expect, it } from 'vitest';
import type { Bundle } from '../../src/bundle/bundle.js';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { atLeast, buildKernel } from '../../src/facts/kernel.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const kernelIn = (bundle: Bundle) => {
  const { manifest } = loadManifest(bundle);
  return buildKernel(evidenceSource(bundle, manifest), manifest);
};
const kernelOf = (sample: string, overrides: Record<string, Override> = {}) => kernelIn(sampleBundle(sample, overrides));

describe('the kernel release', () => {
  it('from uname -srvm (lab-intel-healthy commands/uname.out line 1)', () => {
    const f = kernelOf('lab-intel-healthy');
    expect(f).toEqual({
      state: 'known',
      value: { release: '6.1.0-56-amd64', major: 6, minor: 1 },
      evidence: [
        {
          evidence: 'uname',
          source: 'uname -srvm',
          line: 1,
          text: 'Linux 6.1.0-56-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2026-11-16) x86_64',
        },
      ],
      gaps: [],
    });
  });

  it('a backports release with a + in it (lab-virqfd-obsolete-6.12: 6.12.95+deb12-amd64)', () => {
    const f = kernelOf('lab-virqfd-obsolete-6.12');
    expect(f.state === 'known' && f.value).toEqual({ release: '6.12.95+deb12-amd64', major: 6, minor: 12 });
  });

  it('a custom build with a bare @0 build date (test/fixtures/uname/firecracker-6.18.txt)', () => {
    const f = kernelOf('lab-intel-healthy', { uname: fx('uname/firecracker-6.18.txt') });
    expect(f.state === 'known' && f.value).toEqual({ release: '6.18.44-fc-v782', major: 6, minor: 18 });
  });

  it('uname not collected: the manifest kernel field, cited as the manifest', () => {
    const f = kernelOf('lab-virqfd-obsolete-6.12', { uname: { status: 'denied' } });
    expect(f).toMatchObject({
      state: 'known',
      value: { release: '6.12.95+deb12-amd64', major: 6, minor: 12 },
      evidence: [{ evidence: 'manifest', source: 'manifest.json kernel', text: '6.12.95+deb12-amd64' }],
    });
  });

  it('neither uname nor a manifest (a hand-made tree without uname): unknown', () => {
    const bundle = sampleBundle('lab-intel-healthy');
    const files = new Map([...bundle.files].filter(([p]) => p !== 'manifest.json' && p !== 'commands/uname.out'));
    const f = kernelIn({ ...bundle, files });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toEqual(['uname -srvm']);
  });
});

describe('atLeast', () => {
  it('compares major, then minor, numerically', () => {
    const k = (major: number, minor: number) => ({ release: `${major}.${minor}`, major, minor });
    // vfio_virqfd was folded into vfio in 6.2: 6.1 is before it, 6.12 after it (not "6.1" < "6.12" < "6.2" as text).
    expect(atLeast(k(6, 1), 6, 2)).toBe(false);
    expect(atLeast(k(6, 2), 6, 2)).toBe(true);
    expect(atLeast(k(6, 12), 6, 2)).toBe(true);
    expect(atLeast(k(5, 15), 6, 2)).toBe(false);
    expect(atLeast(k(7, 0), 6, 12)).toBe(true);
  });
});
