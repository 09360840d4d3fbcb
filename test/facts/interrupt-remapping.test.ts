/**
 * Whether device interrupts are isolated on x86 (src/facts/interrupt-remapping.ts): the line that
 * says remapping is on, a line that proves it off, or — only in a log that still starts at boot and
 * was not cut — the absence of the enabling line. Real boots of the lab (Intel and AMD IOMMUs,
 * remapping on and off) and a published log with the DMAR-IR firmware bug. The arm64 ITS cases are
 * with the architecture (test/facts/architecture.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildArchitecture } from '../../src/facts/architecture.js';
import { buildCloudpods } from '../../src/facts/cloudpods.js';
import { buildInterruptRemapping } from '../../src/facts/interrupt-remapping.js';
import { buildKernelLog } from '../../src/facts/kernel-log.js';
import { classifyLogs } from '../../src/facts/log-events.js';
import { ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const remappingOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
  const log = buildKernelLog(ev);
  return buildInterruptRemapping(log, classifyLogs(log, buildCloudpods(ev)), ev, buildArchitecture(ev, log));
};
const dmesgOf = (sample: string): string => readFileSync(join(ROOT, 'samples', sample, 'evidence/commands/dmesg.out'), 'utf8');
const lines = (f: ReturnType<typeof remappingOf>) => (f.state === 'known' ? f.evidence.map((e) => e.line) : null);

describe('interrupt remapping on', () => {
  it('Intel: "DMAR-IR: Enabled IRQ remapping in xapic mode" (lab-intel-healthy dmesg line 109)', () => {
    const f = remappingOf('lab-intel-healthy');
    expect(f.state === 'known' && f.value).toEqual({ enabled: true, provenBy: 'line' });
    expect(lines(f)).toEqual([109]);
  });

  it('AMD: "AMD-Vi: Interrupt remapping enabled" (lab-amd-healthy dmesg line 320)', () => {
    const f = remappingOf('lab-amd-healthy');
    expect(f.state === 'known' && f.value).toEqual({ enabled: true, provenBy: 'line' });
    expect(lines(f)).toEqual([320]);
  });

  it('the enabling line proves it even in a log that lost its start', () => {
    const cut = dmesgOf('lab-intel-healthy').split('\n').slice(60).join('\n');
    const f = remappingOf('lab-intel-healthy', { dmesg: cut });
    expect(f.state === 'known' && f.value).toEqual({ enabled: true, provenBy: 'line' });
  });
});

describe('interrupt remapping off', () => {
  it("no enabling line in a whole log from boot: off, by absence (lab-intremap-off), citing the log's first line", () => {
    const f = remappingOf('lab-intremap-off');
    expect(f.state === 'known' && f.value).toEqual({ enabled: false, provenBy: 'absence' });
    expect(lines(f)).toEqual([1]);
  });

  it('the firmware-bug lines prove it off whatever the log lost (a published journal excerpt, no boot banner)', () => {
    // test/real-cases/cases/github-mrchromebox-firmware-458-dmar-ir-ioapic-firmware-bug/dmesg-dmar.txt:
    // line 9 "[Firmware Bug]: ioapic 0 has no mapping iommu, interrupt remapping will be disabled",
    // lines 10-11 "Not enabling interrupt remapping", "Failed to enable irq remapping".
    const text = readFileSync(
      join(ROOT, 'test/real-cases/cases/github-mrchromebox-firmware-458-dmar-ir-ioapic-firmware-bug/dmesg-dmar.txt'),
      'utf8',
    );
    const f = remappingOf('lab-intel-healthy', { dmesg: text });
    expect(f.state === 'known' && f.value).toEqual({ enabled: false, provenBy: 'line' });
    expect(lines(f)?.[0]).toBe(9);
    for (const l of lines(f) ?? []) expect([9, 10, 11]).toContain(l);
  });
});

describe('what cannot be known', () => {
  it('no enabling line in a log that no longer starts at boot: unknown, never off', () => {
    const cut = dmesgOf('lab-intremap-off').split('\n').slice(60).join('\n');
    expect(remappingOf('lab-intremap-off', { dmesg: cut }).state).toBe('unknown');
  });

  it('no enabling line in a log that was cut: unknown', () => {
    const head = dmesgOf('lab-intremap-off').split('\n').slice(0, 100).join('\n');
    expect(remappingOf('lab-intremap-off', { dmesg: { status: 'truncated', text: head } }).state).toBe('unknown');
  });

  it('no kernel log at all: unknown, with what to collect', () => {
    const f = remappingOf('lab-intel-healthy', { dmesg: { status: 'denied' } });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toEqual(['sudo dmesg', 'journalctl -k -b']);
  });
});
