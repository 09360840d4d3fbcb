/**
 * Which collection problems matter (src/facts/evidence-gaps.ts): an item that exists but could not
 * be read always does; a missing tool only when a fact that decides an error-severity check stayed
 * unknown for want of it. Facts built from the lab's whole bundles by the analyzer.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { evidenceGaps } from '../../src/facts/evidence-gaps.js';
import type { Facts } from '../../src/facts/facts.js';
import { sampleBundle, type Override } from '../helpers/bundle-from.js';

const gapsOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const facts: Facts = analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
  if (facts.collection.state !== 'known') throw new Error('collection is always known');
  return evidenceGaps(facts.collection.value, facts);
};

describe('evidence gaps', () => {
  it('without root (lab-non-root): the denied kernel log and lspci -nnvvv, the missing journalctl it would have fallen back on', () => {
    const g = gapsOf('lab-non-root');
    // manifest.json: dmesg denied, journal-kernel no-command, lspci-vvv denied; systemd-detect-virt and
    // lsusb no-command decide nothing unknown here, so they are no gap.
    expect(g.items.map((i) => `${i.id}:${i.status}`)).toEqual(['dmesg:denied', 'journal-kernel:no-command', 'lspci-vvv:denied']);
    expect(g.needsRoot).toBe(true);
    // No kernel log: its checks and interrupt remapping (decided from the log on x86) are unknown.
    expect(g.unknownChecks.map((u) => u.fact)).toEqual(['kernelLog', 'interruptRemapping']);
    expect(g.unknownChecks[0]?.reason).toContain('dmesg could not be read');
  });

  it('lspci not installed (lab-no-lspci): the sysfs inventory decided the devices, so nothing is a gap', () => {
    const g = gapsOf('lab-no-lspci');
    expect(g).toEqual({ items: [], unknownChecks: [], needsRoot: false });
  });

  it('as root, a denied item still asks for root (a restricted file on a root run)', () => {
    const g = gapsOf('lab-intel-healthy', { 'acpi-tables': { status: 'denied' } });
    expect(g.items.map((i) => `${i.id}:${i.status}`)).toEqual(['acpi-tables:denied']);
    expect(g.needsRoot).toBe(true);
  });

  it('a tool missing where its fact stayed unknown is a gap: no dmesg and no journalctl, no other log', () => {
    const g = gapsOf('lab-intel-healthy', { dmesg: { status: 'no-command' }, 'journal-kernel': { status: 'no-command' } });
    expect(g.items.map((i) => `${i.id}:${i.status}`)).toEqual(['dmesg:no-command', 'journal-kernel:no-command']);
    expect(g.unknownChecks.map((u) => u.fact)).toContain('kernelLog');
    expect(g.needsRoot).toBe(false);
  });
});
