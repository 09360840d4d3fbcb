/**
 * Huge pages a kernel command line asks for (src/facts/hugepage-request.ts), read the way
 * mm/hugetlb.c reads them, from the lab's real command lines and the Cloudpods guide's.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { hugepageRequests, sizeLabel } from '../../src/facts/hugepage-request.js';
import type { KernelParam } from '../../src/facts/model.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const paramsOf = (sample: string, overrides: Record<string, Override> = {}): readonly KernelParam[] => {
  const c = analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts.cmdline;
  if (c.state !== 'known') throw new Error('no command line');
  return c.value.params;
};

describe('huge page requests on the command line', () => {
  it('hugepagesz=2M hugepages=64: 64 pages of 2 MiB (lab-hugepages-reserved /proc/cmdline)', () => {
    expect(hugepageRequests(paramsOf('lab-hugepages-reserved'))).toEqual([
      { sizeKb: 2048, count: 64, raw: 'hugepages=64', sizeRaw: 'hugepagesz=2M' },
    ]);
  });

  it('default_hugepagesz=1G hugepagesz=1G hugepages=2: 2 pages of 1 GiB (lab-hugepages-short /proc/cmdline)', () => {
    expect(hugepageRequests(paramsOf('lab-hugepages-short'))).toEqual([
      { sizeKb: 1048576, count: 2, raw: 'hugepages=2', sizeRaw: 'hugepagesz=1G' },
    ]);
  });

  it('sizes without a count ask for nothing (the Cloudpods guide: hugepagesz=1G … default_hugepagesz=1G)', () => {
    expect(hugepageRequests(paramsOf('lab-intel-healthy', { cmdline: fx('cmdline/guide-proc-cmdline.txt') }))).toEqual([]);
  });

  it('no HugeTLB parameter at all asks for nothing (lab-intel-healthy)', () => {
    expect(hugepageRequests(paramsOf('lab-intel-healthy'))).toEqual([]);
  });
});

describe('size labels', () => {
  it('names the kernel pool sizes as people write them', () => {
    expect([sizeLabel(64), sizeLabel(2048), sizeLabel(32768), sizeLabel(1048576)]).toEqual(['64 KiB', '2 MiB', '32 MiB', '1 GiB']);
  });
});
