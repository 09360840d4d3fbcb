/**
 * The command line fact: /proc/cmdline, else the kernel log's own copy of it (a pasted ticket
 * often has the log and not /proc/cmdline).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { sampleBundle } from '../helpers/bundle-from.js';

const cmdlineOf = (overrides: Parameters<typeof sampleBundle>[1]) =>
  analyzeBundle(sampleBundle('lab-intel-healthy', overrides), { rules: [] }).facts.cmdline;

describe('cmdline fact', () => {
  it('reads /proc/cmdline when it was collected', () => {
    const f = cmdlineOf({});
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.ref.source).toBe('/proc/cmdline');
    expect(f.value.params.map((p) => p.raw)).toContain('intel_iommu=on');
  });

  it('falls back to the "Command line:" line of the kernel log when /proc/cmdline was not collected', () => {
    const f = cmdlineOf({ cmdline: { status: 'not-collected' } });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    // samples/lab-intel-healthy/evidence/commands/dmesg.out: the kernel prints it at [0.000000].
    expect(f.value.ref.source).toBe('dmesg');
    expect(f.value.ref.text).toMatch(/^\[ {4}0\.000000\] Command line: BOOT_IMAGE=/);
    expect(f.value.params.map((p) => p.raw)).toEqual([
      'BOOT_IMAGE=/boot/vmlinuz-6.1.0-56-amd64',
      'root=UUID=4f1c2e0a-7d3b-4c8e-9a51-2b6d0f3e8c17',
      'ro',
      'console=ttyS0,115200',
      'quiet',
      'intel_iommu=on',
      'iommu=pt',
    ]);
  });

  it('a command line past 64 KiB (hostile: the lab line, then 1 MiB of `a<TAB>`) is read up to the cut and says so', () => {
    const lab = 'BOOT_IMAGE=/boot/vmlinuz-6.1.0-56-amd64 root=UUID=4f1c2e0a-7d3b-4c8e-9a51-2b6d0f3e8c17 ro quiet intel_iommu=on iommu=pt';
    const f = cmdlineOf({ cmdline: `${lab}\t${'a\t'.repeat(512 * 1024)}\n` });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.params.slice(0, 6).map((p) => p.raw)).toContain('intel_iommu=on');
    expect(f.gaps.map((g) => g.why)).toEqual(['is longer than 64 KiB: only the parameters before the cut were read']);
  });

  it('is unknown with neither /proc/cmdline nor a kernel log', () => {
    const f = cmdlineOf({
      cmdline: { status: 'denied' },
      dmesg: { status: 'denied' },
      'journal-kernel': { status: 'denied' },
      'var-log-dmesg': null,
      'kern-log': null,
    });
    expect(f.state).toBe('unknown');
  });
});
