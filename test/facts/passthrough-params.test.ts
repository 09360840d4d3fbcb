/**
 * Which kernel parameters matter for passthrough and how two copies of a command line are compared
 * on them (src/facts/passthrough-params.ts), on the Cloudpods guide's real /proc/cmdline, a
 * published Debian command line, and the lab's boot that has not applied its grub.cfg yet.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Facts } from '../../src/facts/facts.js';
import { isPassthroughParam, missingPassthrough } from '../../src/facts/passthrough-params.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const factsOf = (sample: string, overrides: Record<string, Override> = {}): Facts =>
  analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
const paramsOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const c = factsOf(sample, overrides).cmdline;
  if (c.state !== 'known') throw new Error(c.reason);
  return c.value.params;
};

describe('passthrough parameters', () => {
  it('picks them out of the Cloudpods guide command line (test/fixtures/cmdline/guide-proc-cmdline.txt)', () => {
    const params = paramsOf('lab-intel-healthy', { cmdline: fx('cmdline/guide-proc-cmdline.txt') });
    expect(params.filter(isPassthroughParam).map((p) => p.raw)).toEqual([
      'rdblacklist=nouveau',
      'hugepagesz=1G',
      'vfio_iommu_type1.allow_unsafe_interrupts=1',
      'intel_iommu=on',
      'iommu=pt',
      'nouveau.modeset=0',
      'default_hugepagesz=1G',
    ]);
  });

  it('modprobe.blacklist=nouveau counts; root=, ro and quiet do not (a Debian 11 "Command line:" line)', () => {
    const dmesg = readFileSync(
      join(
        ROOT,
        'test/real-cases/cases/github-nvidia-kubevirt-gpu-device-plugin-45-vtd-off-no-dmar-table/dmesg-grep-dmar-iommu-and-cmdline.txt',
      ),
      'utf8',
    );
    const params = paramsOf('lab-intel-healthy', { cmdline: { status: 'not-collected' }, dmesg });
    expect(params.filter(isPassthroughParam).map((p) => p.raw)).toEqual(['intel_iommu=on', 'modprobe.blacklist=nouveau']);
  });

  it('video= counts only when it switches a boot framebuffer off', () => {
    const p = (raw: string, key: string, value: string) => isPassthroughParam({ key, value, raw });
    expect(p('video=efifb:off', 'video', 'efifb:off')).toBe(true);
    expect(p('video=vesafb:off', 'video', 'vesafb:off')).toBe(true);
    expect(p('video=1024x768', 'video', '1024x768')).toBe(false);
  });
});

describe('comparing two command lines', () => {
  it('what grub.cfg sets and the running kernel lacks: intel_iommu=on iommu=pt (lab-reboot-pending)', () => {
    // boot/grub/grub.cfg line 25 carries "quiet intel_iommu=on iommu=pt"; proc/cmdline ends at "quiet".
    const f = factsOf('lab-reboot-pending');
    if (f.bootConfig.state !== 'known' || f.cmdline.state !== 'known') throw new Error('unknown');
    const wanted = f.bootConfig.value.grubCfgs[0]?.params ?? [];
    expect(missingPassthrough(wanted, f.cmdline.value.params).map((p) => p.raw)).toEqual(['intel_iommu=on', 'iommu=pt']);
  });

  it('nothing missing when both carry the same values, and another value is missing (iommu=pt vs iommu=nopt)', () => {
    const have = paramsOf('lab-intel-healthy');
    expect(missingPassthrough(have, have)).toEqual([]);
    expect(missingPassthrough([{ key: 'iommu', value: 'nopt', raw: 'iommu=nopt' }], have).map((p) => p.raw)).toEqual(['iommu=nopt']);
  });
});
