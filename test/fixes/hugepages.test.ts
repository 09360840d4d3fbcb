/**
 * Huge page fixes (src/fixes/hugepages.ts): reserve pages with the count the person gives
 * (PTD_HUGEPAGES), and a reservation cut short — a count that fits replaces the one on the command
 * line where it stands, or, for a size the kernel does not have, 2 MiB pages instead. Per host
 * family, with the request read from the lab's real command line (lab-hugepages-short:
 * `default_hugepagesz=1G hugepagesz=1G hugepages=2`, dmesg line 83 "allocating 2 of page size 1.00
 * GiB failed.  Only allocated 0 hugepages.").
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { hugepageRequests } from '../../src/facts/hugepage-request.js';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { FixStep } from '../../src/fixes/fix.js';
import { fewerHugepages, reserveHugepages } from '../../src/fixes/hugepages.js';
import { inputsIn } from '../../src/fixes/shell.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { commands, planOf } from './helpers/plan-of.js';

const host = (name: string): HostProfile => hostOf(VARIANTS[name]!);
const runs = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []));
/** The 1 GiB request of lab-hugepages-short's /proc/cmdline, as the hugepages rules read it. */
const shortRequest = () => {
  const c = analyzeBundle(sampleBundle('lab-hugepages-short'), { rules: [] }).facts.cmdline;
  if (c.state !== 'known') throw new Error('no cmdline');
  const r = hugepageRequests(c.value.params)[0];
  if (!r) throw new Error('no request');
  return r;
};

describe('reserve huge pages', () => {
  it('Debian, 2 MiB pages: hugepagesz=2M hugepages=$PTD_HUGEPAGES in GRUB_CMDLINE_LINUX_DEFAULT, update-grub; the plan asks for the count', () => {
    const h = host('debian-12-bios');
    const fix = reserveHugepages(h, false);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note', 'edit-file', 'run', 'reboot', 'verify']);
    expect(fix.steps[1]).toMatchObject({
      path: '/etc/default/grub',
      edit: { op: 'kernel-cmdline', add: [['hugepagesz=2M'], ['hugepages=', { input: 'PTD_HUGEPAGES' }]] },
    });
    expect(runs(fix.steps)).toEqual(['update-grub']);
    const plan = planOf('hugepages-short', fix, h);
    expect(inputsIn(plan.script)).toEqual(['PTD_HUGEPAGES']);
  });

  it('RHEL 9 with BLS, 1 GiB pages: grubby gets the count as a plan input, never a placeholder word', () => {
    const h = host('rhel-9.4-uefi-bls');
    const fix = reserveHugepages(h, true);
    expect(runs(fix.steps)).toEqual([
      `grubby --update-kernel=ALL --args='default_hugepagesz=1G hugepagesz=1G hugepages='"\${PTD_HUGEPAGES:?set PTD_HUGEPAGES first}"`,
    ]);
    planOf('hugepages-short', fix, h);
  });
});

describe('a reservation cut short, the size supported', () => {
  it('reads the request the rule will pass: 2 pages of 1 GiB, raw hugepages=2', () => {
    expect(shortRequest()).toEqual({ sizeKb: 1048576, count: 2, raw: 'hugepages=2', sizeRaw: 'hugepagesz=1G' });
  });

  it('Debian: hugepages=2 replaced in place by the count that fit, update-grub, reboot, the 1 GiB pool checked', () => {
    const h = host('debian-12-bios');
    const r = shortRequest();
    const fix = fewerHugepages(h, r.sizeKb, r.count, 0, true, r.raw);
    expect(fix.steps.map((s) => s.kind)).toEqual(['note', 'edit-file', 'run', 'reboot', 'verify']);
    expect(fix.steps[1]).toMatchObject({
      edit: { op: 'kernel-cmdline', add: [], replace: [{ from: 'hugepages=2', to: ['hugepages=0'] }] },
    });
    expect(fix.steps.at(-1)).toEqual({
      kind: 'verify',
      command: 'cat /sys/kernel/mm/hugepages/hugepages-1048576kB/nr_hugepages',
      expect: 'the number asked for',
    });
    planOf('hugepages-short', fix, h);
  });

  it('an existing argument that is two words (two hugepages= of one size) is not replaced as one', () => {
    const fix = fewerHugepages(host('debian-12-bios'), 1048576, 4, 2, true, 'hugepages=2 hugepages=2');
    expect(fix.steps[1]).toMatchObject({ edit: { replace: [{ from: 'hugepages=4', to: ['hugepages=2'] }] } });
  });

  it('an argument with shell in it never reaches a command', () => {
    const fix = fewerHugepages(host('rhel-9.4-uefi-bls'), 1048576, 2, 0, true, "hugepages=2';reboot;'");
    expect(commands(fix).join('\n')).not.toContain('reboot;');
    planOf('hugepages-short', fix, host('rhel-9.4-uefi-bls'));
  });
});

describe('a size the kernel does not have (CentOS 7: "hugepagesz: Unsupported page size 1024 M")', () => {
  it('CentOS 7 BIOS: hugepagesz=1G and its count replaced where they stand, grub2-mkconfig, the 2 MiB pool checked', () => {
    const h = host('centos-7-bios');
    const fix = fewerHugepages(h, 1048576, 2, 0, false, 'hugepages=2', 'hugepagesz=1G');
    expect(fix.steps.map((s) => s.kind)).toEqual(['note', 'edit-file', 'run', 'reboot', 'verify']);
    expect(fix.steps[1]).toMatchObject({ path: '/etc/default/grub', edit: { op: 'kernel-cmdline' } });
    expect(runs(fix.steps)).toEqual(['grub2-mkconfig -o /boot/grub2/grub.cfg']);
    expect(fix.steps.at(-1)).toMatchObject({ command: 'cat /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages' });
    planOf('hugepages-short', fix, h);
  });

  it('RHEL 9 with BLS: the entries change through grubby, not only /etc/default/grub', () => {
    const h = host('rhel-9.4-uefi-bls');
    const fix = fewerHugepages(h, 1048576, 2, 0, false, 'hugepages=2', 'hugepagesz=1G');
    expect(runs(fix.steps).some((c) => c.startsWith('grubby --update-kernel=ALL'))).toBe(true);
    planOf('hugepages-short', fix, h);
  });

  it('Debian: update-grub', () => {
    expect(runs(fewerHugepages(host('debian-12-bios'), 1048576, 2, 0, false, 'hugepages=2', 'hugepagesz=1G').steps)).toEqual([
      'update-grub',
    ]);
  });

  it('the size from default_hugepagesz (no hugepagesz= before the count): words only, nothing edited blindly', () => {
    expect(fewerHugepages(host('debian-12-bios'), 1048576, 2, 0, false, 'hugepages=2', null).steps.map((s) => s.kind)).toEqual(['note']);
  });
});
