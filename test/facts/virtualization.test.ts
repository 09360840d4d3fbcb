/**
 * Whether the host is itself a virtual machine (src/facts/virtualization.ts) on x86:
 * systemd-detect-virt when it names a VM or `none`; past a container (which it reports before a
 * VM), and without it, the CPU's hypervisor flag and the DMI product. The arm64 platform is
 * covered with the architecture (test/facts/architecture.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildCpu } from '../../src/facts/cpu.js';
import { buildVirtualization } from '../../src/facts/virtualization.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const virtOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
  return buildVirtualization(ev, buildCpu(ev));
};

describe('virtualization on x86', () => {
  it('systemd-detect-virt missing: the DMI product of QEMU and the hypervisor flag (lab-intel-healthy)', () => {
    const f = virtOf('lab-intel-healthy');
    if (f.state !== 'known') throw new Error(f.reason);
    // commands/dmi.out line 2 product_name=Standard PC (Q35 + ICH9, 2009); proc/cpuinfo line 20 flags … hypervisor …
    expect(f.value).toEqual({ isVirtualMachine: true, hypervisor: 'Standard PC (Q35 + ICH9, 2009)' });
    expect(f.evidence.map((e) => [e.evidence, e.line])).toEqual([
      ['dmi', 2],
      ['cpuinfo', 20],
    ]);
  });

  it('systemd-detect-virt saying `none` decides bare metal', () => {
    const f = virtOf('lab-intel-healthy', { 'systemd-detect-virt': 'none\n' });
    expect(f.state === 'known' && f.value).toEqual({ isVirtualMachine: false, hypervisor: null });
    expect(f.state === 'known' && f.evidence).toEqual([
      { evidence: 'systemd-detect-virt', source: 'systemd-detect-virt', line: 1, text: 'none' },
    ]);
  });

  it('a container inside a VM (this machine: `docker`, no DMI, a Firecracker CPU with the hypervisor flag): a VM', () => {
    const f = virtOf('lab-intel-healthy', {
      'systemd-detect-virt': fx('systemd-detect-virt/docker.txt'),
      dmi: { status: 'absent' },
      cpuinfo: fx('cpuinfo/firecracker-6.18-amd-epyc.txt'),
    });
    expect(f.state === 'known' && f.value).toEqual({ isVirtualMachine: true, hypervisor: null });
  });

  it('the DMI product alone decides when the CPU flags were not collected', () => {
    const f = virtOf('lab-intel-healthy', { cpuinfo: { status: 'denied' } });
    expect(f.state === 'known' && f.value).toEqual({ isVirtualMachine: true, hypervisor: 'Standard PC (Q35 + ICH9, 2009)' });
  });

  it('no systemd-detect-virt, no CPU flags, no DMI: unknown, never bare metal', () => {
    const f = virtOf('lab-intel-healthy', { cpuinfo: { status: 'denied' }, dmi: { status: 'denied' } });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toEqual(['systemd-detect-virt', 'grep -m1 flags /proc/cpuinfo']);
  });
});
