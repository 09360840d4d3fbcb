/**
 * Whether KVM is usable (src/facts/kvm.ts): /dev/kvm, and the vendor module loaded or built in.
 * /dev/kvm not collected is unknown, never "does not exist" (a kernel with KVM built in shows no
 * module, as on the machine CI runs on).
 */
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildKvm } from '../../src/facts/kvm.js';
import { buildModules } from '../../src/facts/modules.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const kvmOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
  return buildKvm(ev, buildModules(ev));
};

describe('KVM from whole evidence', () => {
  it('/dev/kvm and kvm_amd loaded (lab-amd-healthy: dev-kvm.out line 1, proc/modules line 1)', () => {
    const f = kvmOf('lab-amd-healthy');
    expect(f).toEqual({
      state: 'known',
      value: { devKvm: true, module: 'kvm_amd' },
      evidence: [
        {
          evidence: 'dev-kvm',
          source: 'ls -l /dev/kvm',
          line: 1,
          text: 'crw-------    1 root     root       10, 232 Nov 25 19:41 /dev/kvm',
        },
        { evidence: 'proc-modules', source: '/proc/modules', line: 1, text: 'kvm_amd 163840 0 - Live 0xffffffffc056e000' },
      ],
      gaps: [],
    });
  });

  it('no /dev/kvm and no vendor module on a TCG guest (lab-intel-healthy: dev-kvm absent)', () => {
    const f = kvmOf('lab-intel-healthy');
    expect(f.state === 'known' && f.value).toEqual({ devKvm: false, module: null });
    expect(f.state === 'known' && f.evidence[0]).toEqual({ evidence: 'dev-kvm', source: 'ls -l /dev/kvm', line: 1, text: '(no /dev/kvm)' });
  });

  it('arm64: /dev/kvm and no vendor module; /sys/module/kvm is never taken for one (lab-arm64-healthy-acpi)', () => {
    const f = kvmOf('lab-arm64-healthy-acpi');
    expect(f.state === 'known' && f.value).toEqual({ devKvm: true, module: null });
  });

  it('arm64 started at EL1: no /dev/kvm although kvm is in /sys/module (lab-arm64-no-el2-acpi)', () => {
    const f = kvmOf('lab-arm64-no-el2-acpi');
    expect(f.state === 'known' && f.value).toEqual({ devKvm: false, module: null });
  });
});

describe('/dev/kvm not collected', () => {
  it('with the module list: devKvm stays null, never false, and the listing is a gap', () => {
    const f = kvmOf('lab-intel-healthy', { 'dev-kvm': { status: 'not-collected' } });
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value).toEqual({ devKvm: null, module: null });
    expect(f.gaps).toEqual([{ source: 'ls -l /dev/kvm', why: 'was not collected', collect: ['ls -l /dev/kvm'] }]);
  });

  it('with the vendor module loaded: the module is cited and devKvm stays null', () => {
    const f = kvmOf('lab-amd-healthy', { 'dev-kvm': { status: 'denied' } });
    expect(f.state === 'known' && f.value).toEqual({ devKvm: null, module: 'kvm_amd' });
  });

  it('a kernel without module support and no /dev/kvm listing (no /proc/modules, lsmod failing): unknown', () => {
    const f = kvmOf('lab-intel-healthy', {
      'dev-kvm': { status: 'not-collected' },
      'proc-modules': null,
      lsmod: { status: 'error', text: fx('sos/lsmod-no-proc-modules.txt') },
    });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toContain('ls -l /dev/kvm');
  });
});
