/**
 * What to do about a device that does not reset (src/fixes/device-reset.ts): vendor-reset for an
 * AMD GPU on its list, keeping idle vfio-pci devices out of D3 when a power transition failed, else
 * choosing another reset method and power-cycling. Failures come from the analyzer's log events of
 * published kernel logs (an FLR that never completes, a GPU stuck in D3cold); devices from the
 * analyzer's PCI facts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { resetFailures, type ResetFailure } from '../../src/facts/device-log.js';
import type { PciDevice } from '../../src/facts/model.js';
import { noResetFix, resetFix } from '../../src/fixes/device-reset.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { commands, planOf } from './helpers/plan-of.js';

const DEBIAN = hostOf(VARIANTS['debian-12-bios']!);

const failuresOf = (dmesg: string): ResetFailure[] => {
  const f = analyzeBundle(sampleBundle('lab-intel-healthy', { dmesg }), { rules: [] }).facts.logEvents;
  if (f.state !== 'known') throw new Error(f.reason);
  return resetFailures(f.value);
};
const deviceOf = (sample: string, address: string, overrides: Record<string, Override> = {}): PciDevice => {
  const pci = analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts.pci;
  const d = pci.state === 'known' ? pci.value.devices.find((x) => x.address === address) : undefined;
  if (!d) throw new Error(`no ${address}`);
  return d;
};
const realCase = (path: string): string => readFileSync(join(ROOT, 'test/real-cases/cases', path), 'utf8');

describe('resetFix', () => {
  it('an FLR that never completes (lore-vfio-flr-giving-up.txt, 0007:00:00.1, not in the inventory): list the methods, try another, power-cycle', () => {
    const failures = failuresOf(fx('dmesg/lore-vfio-flr-giving-up.txt'));
    const fix = resetFix(DEBIAN, null, '0007:00:00.1', failures);
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'note', 'note']);
    expect(fix.steps[0]).toMatchObject({ command: 'cat /sys/bus/pci/devices/0007:00:00.1/reset_method' });
    expect(fix.summary).toBe('Recover 0007:00:00.1 and avoid the failing reset');
    planOf('device-reset-failure', fix, null);
  });

  it('a GPU stuck in D3cold (kata-containers 11708 dmesg lines 3, 4, 6): also vfio-pci disable_idle_d3=1 in modprobe.d', () => {
    const failures = failuresOf(realCase('github-kata-containers-kata-containers-11708-gpu-d3cold/dmesg.txt'));
    expect(failures.some((f) => f.problem === 'power-inaccessible' && f.address === '0000:01:00.0')).toBe(true);
    const fix = resetFix(DEBIAN, null, '0000:01:00.0', failures);
    expect(fix.steps[0]).toMatchObject({
      kind: 'edit-file',
      path: '/etc/modprobe.d/vfio.conf',
      edit: { op: 'modprobe-option', module: 'vfio-pci', option: 'disable_idle_d3', add: ['1'], remove: [], removeOption: false },
    });
    // The option reaches vfio-pci from the initramfs on Debian: rebuilt, rebooted, then read back.
    expect(fix.steps.map((s) => s.kind)).toEqual(['edit-file', 'run', 'reboot', 'verify', 'run', 'note', 'note']);
    expect(commands(fix)).toContain('update-initramfs -u -k all');
    expect(fix.steps[3]).toMatchObject({ command: 'cat /sys/module/vfio_pci/parameters/disable_idle_d3', expect: 'Y' });
    planOf('device-reset-failure', fix, null);
  });

  it('an RX 580 (lspci "[1002:67df]", Polaris 10): vendor-reset instead', () => {
    const lspci = realCase('github-kholia-osx-kvm-notes-rx580-vfio-healthy/lspci-nnk-grep-amd.txt');
    const gpu = deviceOf('lab-intel-healthy', '0000:01:00.0', { 'pci-sysfs': null, 'lspci-vvv': null, 'lspci-nnk': lspci });
    expect([gpu.vendor, gpu.device]).toEqual(['1002', '67df']);
    const fix = resetFix(DEBIAN, gpu, gpu.address, []);
    expect(fix.summary).toBe('Reset the AMD Polaris 10 GPU with vendor-reset');
    expect(commands(fix)).toContain('echo device_specific > /sys/bus/pci/devices/0000:01:00.0/reset_method');
  });

  it('an address that is not one: a note only', () => {
    const fix = resetFix(DEBIAN, null, '0000:01:00.0; rm -rf /', []);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note']);
    expect(commands(fix)).toEqual([]);
  });
});

describe('noResetFix', () => {
  it('a device with no reset method: one VM per boot or another slot, and the reset_method check', () => {
    const nic = deviceOf('lab-intel-healthy', '0000:01:00.0');
    const fix = noResetFix(nic);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note', 'verify']);
    expect(fix.steps[1]).toMatchObject({ command: 'cat /sys/bus/pci/devices/0000:01:00.0/reset_method', expect: 'lists flr, pm or bus' });
    planOf('device-reset-failure', fix, null);
  });

  it('an address that is not one: a note only', () => {
    const nic = deviceOf('lab-intel-healthy', '0000:01:00.0');
    expect(noResetFix({ ...nic, address: '../../x' }).steps.map((s) => s.kind)).toEqual(['note']);
  });
});
