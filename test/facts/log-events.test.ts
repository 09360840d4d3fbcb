/**
 * The logs as events (src/facts/log-events.ts): every line of the kernel log, the VMs' QEMU logs and
 * the Cloudpods host service's log classified once against the message catalogue. Real lab boots
 * and published kernel-log excerpts (test/fixtures/dmesg/SOURCES in test/fixtures/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildCloudpods } from '../../src/facts/cloudpods.js';
import { buildKernelLog } from '../../src/facts/kernel-log.js';
import { byDevice, classifyLogs, eventsOf, subjectOf, type LogEvent } from '../../src/facts/log-events.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const classifiedOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
  return classifyLogs(buildKernelLog(ev), buildCloudpods(ev));
};
const eventsFrom = (sample: string, overrides: Record<string, Override> = {}): readonly LogEvent[] => {
  const c = classifiedOf(sample, overrides);
  if (c.state !== 'known') throw new Error(c.reason);
  return c.value.events;
};
const realCase = (path: string): string => readFileSync(join(ROOT, 'test/real-cases/cases', path), 'utf8');
const lines = (e: LogEvent | undefined) => e?.refs.map((r) => r.line);

describe('kernel log events', () => {
  it('one group-added event per device, with its group (lab-intel-healthy dmesg lines 321-329)', () => {
    const added = eventsFrom('lab-intel-healthy').filter((e) => e.fault === 'group-added');
    expect(added.map((e) => [e.device, e.group, e.count, lines(e)])).toEqual([
      ['0000:00:00.0', '0', 1, [321]],
      ['0000:00:02.0', '1', 1, [322]],
      ['0000:00:03.0', '2', 1, [323]],
      ['0000:00:04.0', '3', 1, [324]],
      ['0000:00:1f.0', '4', 1, [325]],
      ['0000:00:1f.2', '4', 1, [326]],
      ['0000:00:1f.3', '4', 1, [327]],
      ['0000:01:00.0', '5', 1, [328]],
      ['0000:02:00.0', '6', 1, [329]],
    ]);
  });

  it('a flood of DMA faults from one device is one event with a count (Intel: [00:02.0] printed without its domain)', () => {
    // test/fixtures/dmesg/dasharo-dmar-fault-no-pasid.txt: lines 1 and 3 are faults of [00:02.0] at two
    // addresses; line 2 "DMAR: DRHD: handling fault status reg 3" is the fault report that names no device.
    const faults = eventsFrom('lab-intel-healthy', { dmesg: fx('dmesg/dasharo-dmar-fault-no-pasid.txt') }).filter(
      (e) => e.fault === 'dma-fault',
    );
    expect(faults.map((e) => [e.device, e.count, lines(e)])).toEqual([
      ['0000:00:02.0', 2, [1, 3]],
      [null, 1, [2]],
    ]);
  });

  it('AMD-Vi IO_PAGE_FAULTs of one device (dasharo-amd-vi-io-page-fault.txt, three lines)', () => {
    const faults = eventsFrom('lab-intel-healthy', { dmesg: fx('dmesg/dasharo-amd-vi-io-page-fault.txt') }).filter(
      (e) => e.fault === 'dma-fault',
    );
    expect(faults.map((e) => [e.device, e.count, lines(e)])).toEqual([['0000:01:00.0', 3, [1, 2, 3]]]);
  });

  it("a pasted log with typographic quotes (can’t reserve) is read as the kernel's ASCII", () => {
    // github-harvester-pcidevices-81-p5000-bar1-efifb/dmesg-T-bar1.txt lines 2-3: "BAR 1: can’t reserve [mem 0xe0000000-0xefffffff 64bit pref]"
    const bars = eventsFrom('lab-intel-healthy', {
      dmesg: realCase('github-harvester-pcidevices-81-p5000-bar1-efifb/dmesg-T-bar1.txt'),
    }).filter((e) => e.id === 'pci-bar-cant-reserve');
    expect(bars.map((e) => [e.device, e.bar, e.value, e.count, lines(e)])).toEqual([
      ['0000:b3:00.0', '1', 'mem 0xe0000000-0xefffffff 64bit pref', 2, [2, 3]],
    ]);
  });

  it('consecutive lines of one message that differ in a value are two events (IOAPIC[7] and IOAPIC[8], lines 38-39)', () => {
    // ubuntuforums-2254677-sabertooth-990fx-broken-ivrs-no-intremap/post1-dmesg-amd-iommu-dump.txt:
    // "[Firmware Bug]: AMD-Vi: IOAPIC[7] not in IVRS table", then the same for IOAPIC[8]
    const missing = eventsFrom('lab-intel-healthy', {
      dmesg: realCase('ubuntuforums-2254677-sabertooth-990fx-broken-ivrs-no-intremap/post1-dmesg-amd-iommu-dump.txt'),
    }).filter((e) => e.id === 'amd-iommu-ioapic-not-in-ivrs-legacy');
    expect(missing.map((e) => [e.value, e.count, lines(e)])).toEqual([
      ['7', 1, [38]],
      ['8', 1, [39]],
    ]);
  });
  it('the kernel log alone is one source', () => {
    const c = classifiedOf('lab-intel-healthy');
    expect(c.state === 'known' && c.value.sources).toEqual(['dmesg']);
  });
});

describe('Cloudpods logs', () => {
  it('the kernel log, the QEMU logs and the host service log, each classified (lab-cloudpods-gpu-issues)', () => {
    const c = classifiedOf('lab-cloudpods-gpu-issues');
    if (c.state !== 'known') throw new Error(c.reason);
    expect(c.value.sources).toEqual(['dmesg', 'QEMU logs', 'host service log']);
    // opt/cloud/workspace/servers/logs/9c1e…: "vfio 0000:00:02.0: failed to open /dev/vfio/1: No such file or directory"
    const open = c.value.events.find((e) => e.fault === 'vfio-open-failed');
    expect([open?.origin, open?.device, open?.group, open?.refs[0]?.line]).toEqual(['qemu', '0000:00:02.0', '1', 1]);
    // host/0.log line 3: the `dev addr 001:002 registed` sync error.
    expect(c.value.events.find((e) => e.id === 'cloudpods-dev-addr-registered')?.refs[0]?.line).toBe(3);
    // host/0.log line 4: "[error …] register failed, try 30 seconds later..." matches nothing known.
    expect(c.value.unmatchedErrors.count).toBe(1);
    expect(c.value.unmatchedErrors.lines.map((r) => r.line)).toEqual([4]);
  });

  it('no kernel log but a host service log: known from that log, and the missing kernel log is a gap', () => {
    const c = classifiedOf('lab-cloudpods-gpu-issues', { dmesg: { status: 'denied' } });
    if (c.state !== 'known') throw new Error(c.reason);
    expect(c.value.sources).toEqual(['QEMU logs', 'host service log']);
    expect(c.gaps.map((g) => g.source)).toContain('the kernel log');
  });

  it('no log at all: unknown, never "no event"', () => {
    const c = classifiedOf('lab-intel-healthy', { dmesg: { status: 'denied' } });
    expect(c.state).toBe('unknown');
  });
});

describe('resolved events and the helpers over them', () => {
  it("an unexplained line names vfio and a failure (a custom kernel's debug line, Raspberry Pi 5 paste line 11)", () => {
    const text = realCase('github-geerlingguy-raspberry-pi-pcie-devices-754-rpi5-gpu-no-iommu-group/comment-2025-09-05-dmesg.txt');
    const f = analyzeBundle(sampleBundle('lab-intel-healthy', { dmesg: text }), { rules: [] }).facts.logEvents;
    if (f.state !== 'known') throw new Error(f.reason);
    expect(f.value.unexplained.map((r) => r.line)).toEqual([11]);
  });

  it('the healthy lab: the AMD IOMMUv2 remark "This is not a bug." is no unexplained failure', () => {
    const f = analyzeBundle(sampleBundle('lab-intel-healthy'), { rules: [] }).facts.logEvents;
    expect(f.state === 'known' && f.value.unexplained).toEqual([]);
  });

  it('eventsOf, byDevice and subjectOf group events by the device they name', () => {
    const events = eventsFrom('lab-intel-healthy', { dmesg: fx('dmesg/lore-vfio-flr-giving-up.txt') });
    // lore-vfio-flr-giving-up.txt: line 1 a pending transaction, lines 2-7 "not ready … waiting", line 8 "giving up", all 0007:00:00.1.
    const facts = { events, unexplained: [], unexplainedCount: 0, sources: [], unmatchedErrors: { count: 0, lines: [] } };
    expect(eventsOf(facts, ['reset-failed']).map((e) => e.refs[0]?.line)).toEqual([1, 8]);
    expect(eventsOf(facts, ['reset-failed'], '0000:01:00.0')).toEqual([]);
    const groups = byDevice(events.filter((e) => e.device !== null));
    expect(groups.map((g) => [g.device, g.count, g.refs.map((r) => r.line)])).toEqual([['0007:00:00.1', 8, [1, 2, 3]]]);
    expect(subjectOf(groups[0]!)).toEqual({ device: '0007:00:00.1' });
    expect(subjectOf({ device: null })).toEqual({});
  });
});
