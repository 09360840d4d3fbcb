/**
 * Lookups over the Cloudpods facts (src/facts/cloudpods-lookup.ts): a host.conf setting by key, and
 * the host service's log lines of some catalogue entries, on the lab's Cloudpods hosts.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { hostConfSetting, hostServiceLines } from '../../src/facts/cloudpods-lookup.js';
import type { Facts } from '../../src/facts/facts.js';
import { sampleBundle, type Override } from '../helpers/bundle-from.js';

const factsOf = (sample: string, overrides: Record<string, Override> = {}): Facts =>
  analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
const cloudpods = (f: Facts) => {
  if (f.cloudpods.state !== 'known') throw new Error('always known');
  return f.cloudpods.value;
};

describe('hostConfSetting', () => {
  it('finds a key and its line (lab-cloudpods-healthy host.conf line 2 hugepages_option: transparent)', () => {
    const s = hostConfSetting(cloudpods(factsOf('lab-cloudpods-healthy')), 'hugepages_option');
    expect([s?.value, s?.ref.line]).toEqual(['transparent', 2]);
  });

  it('the first of two spellings the host service reads alike (lab-cloudpods-broken: hugepages_options line 1 is not it, hugepages_option line 4 is)', () => {
    const s = hostConfSetting(cloudpods(factsOf('lab-cloudpods-broken')), 'hugepages_option');
    expect([s?.key, s?.ref.line]).toEqual(['hugepages_option', 4]);
  });

  it('a key host.conf does not set, and a host.conf that was not read: none', () => {
    expect(hostConfSetting(cloudpods(factsOf('lab-cloudpods-healthy')), 'use_boot_vga')).toBeUndefined();
    expect(
      hostConfSetting(cloudpods(factsOf('lab-cloudpods-healthy', { 'yunion-host-conf': { status: 'denied' } })), 'disable_gpu'),
    ).toBeUndefined();
  });
});

describe('hostServiceLines', () => {
  it("the host service's `dev addr 001:002 registed` line (lab-cloudpods-gpu-issues 0.log line 3)", () => {
    const f = factsOf('lab-cloudpods-gpu-issues');
    expect(hostServiceLines(f.logEvents, ['cloudpods-dev-addr-registered']).map((r) => r.line)).toEqual([3]);
    expect(hostServiceLines(f.logEvents, ['cloudpods-dev-addr-registered'], () => false)).toEqual([]);
  });

  it('no log events known: no line', () => {
    const f = factsOf('lab-intel-healthy', { dmesg: { status: 'denied' } });
    expect(f.logEvents.state).toBe('unknown');
    expect(hostServiceLines(f.logEvents, ['cloudpods-dev-addr-registered'])).toEqual([]);
  });
});
