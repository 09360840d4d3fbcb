/**
 * Per-device problems read from the log events (src/facts/device-log.ts): driver probe failures,
 * failed resets and power transitions, and BAR reservation failures, from published kernel logs and
 * the lab's boots.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { barConflicts, probeFailures, resetFailures } from '../../src/facts/device-log.js';
import type { LogEventFacts } from '../../src/facts/log-events.js';
import { fx, ROOT, sampleBundle } from '../helpers/bundle-from.js';

const logOf = (dmesg: string): LogEventFacts => {
  const f = analyzeBundle(sampleBundle('lab-intel-healthy', { dmesg }), { rules: [] }).facts.logEvents;
  if (f.state !== 'known') throw new Error(f.reason);
  return f.value;
};
const realCase = (path: string): string => readFileSync(join(ROOT, 'test/real-cases/cases', path), 'utf8');

describe('probe failures', () => {
  it('"probe with driver vfio-pci failed with error -22" (Raspberry Pi 5 paste line 12), with no other event about it', () => {
    const log = logOf(realCase('github-geerlingguy-raspberry-pi-pcie-devices-754-rpi5-gpu-no-iommu-group/comment-2025-09-05-dmesg.txt'));
    const p = probeFailures(log);
    expect(p.map((x) => [x.address, x.driver, x.errno, x.ref.line])).toEqual([['0001:01:00.0', 'vfio-pci', -22, 12]]);
    expect(p[0]?.context).toEqual([]);
  });

  it('"vfio-pci: probe of 0000:2d:00.0 failed with error -22" (a PEX8111 bridge paste, line 1), and filtered by driver', () => {
    const log = logOf(realCase('github-chester-gillon-fpga-sio-alma8-pex8111-bridge-vfio-probe-einval/dmesg-probe.txt'));
    expect(probeFailures(log, 'vfio-pci').map((x) => [x.address, x.driver, x.errno, x.ref.line])).toEqual([
      ['0000:2d:00.0', 'vfio-pci', -22, 1],
    ]);
    expect(probeFailures(log, 'nvme')).toEqual([]);
  });

  it('a healthy boot has none (lab-intel-healthy)', () => {
    expect(probeFailures(logOf(readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/commands/dmesg.out'), 'utf8')))).toEqual([]);
  });
});

describe('reset failures', () => {
  it('FLR that never completes: the pending transaction, the first "waiting" lines, "giving up" (lore-vfio-flr-giving-up.txt)', () => {
    const r = resetFailures(logOf(fx('dmesg/lore-vfio-flr-giving-up.txt')));
    // line 1 "timed out waiting for pending transaction"; lines 2-7 "not ready … after FLR; waiting" (the
    // first three kept); line 8 "not ready 65535ms after FLR; giving up".
    expect(r.map((x) => [x.address, x.problem, x.ref.line])).toEqual([
      ['0007:00:00.1', 'pending-transaction', 1],
      ['0007:00:00.1', 'slow-after-reset', 2],
      ['0007:00:00.1', 'slow-after-reset', 3],
      ['0007:00:00.1', 'slow-after-reset', 4],
      ['0007:00:00.1', 'flr-not-ready', 8],
    ]);
  });

  it('the same lines appended to a lab boot (derived-device-reset-failure) are found in the whole log', () => {
    const dmesg = readFileSync(join(ROOT, 'samples/derived-device-reset-failure/evidence/commands/dmesg.out'), 'utf8');
    expect(resetFailures(logOf(dmesg)).map((x) => x.problem)).toContain('flr-not-ready');
  });
});

describe('BAR reservation failures', () => {
  it('a 256 MiB prefetchable range that a framebuffer holds (P5000 BAR 1, twice)', () => {
    const b = barConflicts(logOf(realCase('github-harvester-pcidevices-81-p5000-bar1-efifb/dmesg-T-bar1.txt')));
    // lines 2-3: [mem 0xe0000000-0xefffffff 64bit pref] is 0x10000000 bytes = 256 MiB, prefetchable.
    expect(b.map((x) => [x.address, x.bar, x.framebufferSized, x.ref.line])).toEqual([
      ['0000:b3:00.0', 1, true, 2],
      ['0000:b3:00.0', 1, true, 3],
    ]);
  });

  it('BAR 0 of a Vega 8 (256 MiB, pref) at 0000:05:00.0 (test/fixtures/dmesg/github-vega8-bar-cant-reserve.txt)', () => {
    const b = barConflicts(logOf(fx('dmesg/github-vega8-bar-cant-reserve.txt')));
    expect(b.map((x) => [x.address, x.bar, x.framebufferSized])).toEqual([['0000:05:00.0', 0, true]]);
  });
});
