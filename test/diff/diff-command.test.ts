/**
 * `ptdoctor diff BEFORE AFTER` on two real lab bundles of one machine: before, the kernel boots
 * with intel_iommu=off and the NIC 0000:01:00.0 is on e1000e (samples/lab-intel-kernel-off);
 * after, intel_iommu=on and the NIC on vfio-pci (samples/lab-intel-healthy).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { diffAnalyses } from '../../src/diff/diff-analyses.js';
import { builtinRules } from '../../rules/index.js';
import { ROOT, sampleBundle } from '../helpers/bundle-from.js';
import { shipped } from '../cli/shipped-cli.js';

type Key = { ruleId: string; subject: string };
const keys = (list: readonly Key[]): string[] => list.map((k) => `${k.ruleId}@${k.subject}`);

describe('ptdoctor diff (shipped CLI)', () => {
  it('lists what the fix changed: the IOMMU back on, the NIC on vfio-pci, the command line', () => {
    const before = join(ROOT, 'samples', 'lab-intel-kernel-off', 'evidence');
    const after = join(ROOT, 'samples', 'lab-intel-healthy', 'evidence');
    const r = shipped(['diff', before, after, '--device', '0000:01:00.0', '-f', 'json']);
    expect(r.stderr).toBe('');
    const d = JSON.parse(r.stdout) as { fixed: Key[]; remaining: Key[]; cmdline: unknown };
    expect(keys(d.fixed)).toEqual(expect.arrayContaining(['iommu-kernel-disabled@host', 'device-host-driver@0000:01:00.0']));
    expect(keys(d.remaining)).not.toContain('device-host-driver@0000:01:00.0');
    expect(d.cmdline).toEqual({ added: ['intel_iommu=on', 'iommu=pt'], removed: ['intel_iommu=off'] });
  });
});

describe('diff --device', () => {
  // The before bundle without its modprobe.d (`options vfio-pci ids=8086:10d3`): then nothing in it
  // names the NIC a target (no ids, no driver_override, not bound), and only --device does.
  const before = (devices: string[]) =>
    analyzeBundle(sampleBundle('lab-intel-kernel-off', { 'modprobe-d': null }), { devices, rules: builtinRules });
  const after = (devices: string[]) => analyzeBundle(sampleBundle('lab-intel-healthy'), { devices, rules: builtinRules });

  it('without it, the NIC is no target before the fix, so its host-driver finding cannot be listed as fixed', () => {
    expect(keys(diffAnalyses(before([]), after([])).fixed)).not.toContain('device-host-driver@0000:01:00.0');
  });

  it('with it, the NIC taken from e1000e by vfio-pci is listed as fixed', () => {
    const d = diffAnalyses(before(['0000:01:00.0']), after(['0000:01:00.0']));
    expect(keys(d.fixed)).toContain('device-host-driver@0000:01:00.0');
  });
});
