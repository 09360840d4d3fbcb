/**
 * Which bootloader a host uses when its grub.cfg could not be read (a collection without root: RHEL
 * keeps grub.cfg root-only): /etc/default/grub's GRUB_ENABLE_BLSCFG and the BLS entries decide.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const bootloader = (overrides: Record<string, Override>): string | null => {
  const host = analyzeBundle(sampleBundle('lab-grub-not-regenerated', overrides), { rules: [] }).facts.host;
  return host.state === 'known' ? host.value.bootloader : null;
};
const rhelLike = {
  'os-release': fx('os-release/fedora-32-man-example.txt'),
  'bls-entries': fx('bls-entry/rocky-8.5-kernelopts.conf'),
  'grub-cfg': { status: 'denied' },
} as const;

describe('boot configuration with grub.cfg unreadable', () => {
  it('GRUB_ENABLE_BLSCFG=true beside BLS entries: grub with BLS (fixes use grubby)', () => {
    expect(bootloader({ ...rhelLike, 'default-grub': fx('default-grub/centos-stream-9-blscfg.txt') })).toBe('grub-bls');
  });
  it("BLS entries without GRUB_ENABLE_BLSCFG (Debian's /etc/default/grub): plain grub", () => {
    expect(bootloader(rhelLike)).toBe('grub');
  });
});
