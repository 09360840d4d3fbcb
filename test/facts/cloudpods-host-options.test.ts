/**
 * The host.conf keys the Cloudpods host service accepts and the "did you mean" for a misspelt one
 * (src/facts/cloudpods-host-options.ts), on the keys the Cloudpods guides print and those a real
 * host service log reported as unknown (test/fixtures/cloudpods/host-log-unknown-keys.txt).
 */
import { describe, expect, it } from 'vitest';
import { HOST_CONF_KEYS, normaliseHostConfKey, suggestHostConfKey } from '../../src/facts/cloudpods-host-options.js';

describe('host.conf keys', () => {
  it('structarg reads `-` and `_` alike', () => {
    expect(normaliseHostConfKey('disable-usb')).toBe('disable_usb');
    expect(normaliseHostConfKey(' ptnvme_configs ')).toBe('ptnvme_configs');
  });

  it('knows the keys the guides use (host-conf-guide-keys.conf, host-conf-native.conf)', () => {
    for (const k of ['disable_gpu', 'nvidia_vgpu_pfs', 'disable_usb', 'hugepages_option', 'use_boot_vga', 'ptnvme_configs'])
      expect(HOST_CONF_KEYS.has(k), k).toBe(true);
  });
});

describe('suggestions', () => {
  it("the guides' spellings: hugepages_options → hugepages_option, AMDVgpuPFs → amd_vgpu_pfs (host-conf-guide-typos.conf)", () => {
    expect(suggestHostConfKey('hugepages_options')).toBe('hugepages_option');
    expect(suggestHostConfKey('AMDVgpuPFs')).toBe('amd_vgpu_pfs');
  });

  it('a case or separator slip', () => {
    expect(suggestHostConfKey('Disable-GPU')).toBe('disable_gpu');
  });

  it('the keys a host service log called unknown have no near key (host-log-unknown-keys.txt lines 3-8)', () => {
    for (const k of [
      'enable-qmp-monitor',
      'enable-health-checker',
      'disk-is-ssd',
      'start-host-ignore-sys-error',
      'health-driver',
      'enable-rbac',
    ])
      expect(suggestHostConfKey(k), k).toBeNull();
  });

  it('names of Object members are keys like any other (no prototype lookup)', () => {
    expect(suggestHostConfKey('constructor')).toBeNull();
    expect(suggestHostConfKey('__proto__')).toBeNull();
  });

  it('a short key is never matched by one edit', () => {
    expect(suggestHostConfKey('rak')).toBeNull();
  });
});
