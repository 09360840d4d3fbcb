/**
 * AMD GPUs the out-of-tree vendor-reset module resets (src/fixes/vendor-reset.ts): the family by
 * device id, and the steps that select its reset for one device. Ids from real lspci output:
 * an RX 580 (Ellesmere, 1002:67df), a FirePro S7150 (Tonga, 1002:6929), a GTX 1080 Ti (10de:1b06).
 */
import { describe, expect, it } from 'vitest';
import { vendorResetFamily, vendorResetSteps } from '../../src/fixes/vendor-reset.js';
import { parses } from './helpers/run-shell.js';
import { tokenize } from './helpers/shell-syntax.js';

describe('vendorResetFamily', () => {
  it('the RX 580 of a published setup (lspci "Ellesmere … [1002:67df]") is Polaris 10', () => {
    expect(vendorResetFamily('1002', '67df')).toBe('Polaris 10');
  });

  it('Tonga (the FirePro S7150, 1002:6929) is not on the vendor-reset list', () => {
    expect(vendorResetFamily('1002', '6929')).toBeNull();
  });

  it('a device id of another vendor never matches, even one the list holds for AMD', () => {
    expect(vendorResetFamily('10de', '1b06')).toBeNull();
    expect(vendorResetFamily('10de', '67df')).toBeNull();
  });
});

describe('vendorResetSteps', () => {
  it('install note, select device_specific for the device, check it', () => {
    const steps = vendorResetSteps('0000:01:00.0');
    expect(steps.map((s) => s.kind)).toEqual(['note', 'run', 'verify']);
    expect(steps[1]).toMatchObject({ command: 'echo device_specific > /sys/bus/pci/devices/0000:01:00.0/reset_method' });
    expect(steps[2]).toMatchObject({ command: 'cat /sys/bus/pci/devices/0000:01:00.0/reset_method', expect: 'device_specific' });
  });

  it('an address is one quoted word in the commands, whatever it holds: the shell syntax is that of a real address', () => {
    const commands = (address: string) =>
      vendorResetSteps(address).flatMap((s) => (s.kind === 'run' || s.kind === 'verify' ? [s.command] : []));
    const hostile = commands("0000:01:00.0'; reboot; '");
    const valid = commands('0000:01:00.0');
    expect(hostile.map(tokenize)).toEqual(valid.map(tokenize));
    for (const c of hostile) expect(parses('dash', c).ok).toBe(true);
  });
});
