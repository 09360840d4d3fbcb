/**
 * The kernel-parameter fix's decision table on host profiles (the host-family variants with real
 * files are test/fixes/host-families.test.ts): what an ESP the bundle shows decides, the edits
 * ptdoctor makes itself, parameters replaced in place, refused values.
 */
import { describe, expect, it } from 'vitest';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { FixStep } from '../../src/fixes/fix.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';

const base: HostProfile = {
  cpuVendor: 'intel',
  distro: 'debian-like',
  distroName: 'Debian GNU/Linux 12 (bookworm)',
  distroId: 'debian',
  distroVersion: '12',
  idLike: [],
  bootMode: 'bios',
  bootloader: 'grub',
  grubCfg: null,
  boot: { blsEnabled: false, entries: [], espGrubCfgs: [], kernelCmdlineFile: false, grubCmdlineAssignments: [] },
  initramfs: 'initramfs-tools',
  kernelRelease: '6.1.0-56-amd64',
  kernelAtLeast6_2: false,
  virtualMachine: false,
  paramsLostOnReboot: [],
  isCloudpods: false,
};
const rhel = (over: Partial<HostProfile>): HostProfile => ({
  ...base,
  distro: 'rhel-like',
  distroId: 'rhel',
  distroVersion: '8.10',
  initramfs: 'dracut',
  ...over,
});
const change = { add: ['intel_iommu=on'], remove: ['intel_iommu=off'] };
const runs = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []));

describe('changeKernelParams', () => {
  it('Debian: one edit ptdoctor makes, update-grub, reboot, and a check each way', () => {
    const fix = changeKernelParams(base, change, 's');
    expect(fix.steps.map((s) => s.kind)).toEqual(['edit-file', 'run', 'reboot', 'verify', 'verify']);
    expect(fix.steps[0]).toEqual({
      kind: 'edit-file',
      path: '/etc/default/grub',
      change: 'in GRUB_CMDLINE_LINUX_DEFAULT="…", add intel_iommu=on and remove intel_iommu=off (removals also from GRUB_CMDLINE_LINUX)',
      edit: {
        op: 'kernel-cmdline',
        location: { kind: 'shell-variable', variables: ['GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_CMDLINE_LINUX'] },
        add: [['intel_iommu=on']],
        remove: ['intel_iommu=off'],
        removeNames: [],
      },
    });
  });

  it('a grub.d snippet that assigns the variable last gets the addition; removals reach every file', () => {
    const h = {
      ...base,
      boot: {
        ...base.boot!,
        grubCmdlineAssignments: [{ variable: 'GRUB_CMDLINE_LINUX_DEFAULT', file: '/etc/default/grub.d/50-cloudimg-settings.cfg' }],
      },
    };
    const edits = changeKernelParams(h, change, 's').steps.flatMap((s) =>
      s.kind === 'edit-file' && s.edit?.op === 'kernel-cmdline' ? [[s.path, s.edit.add.length]] : [],
    );
    expect(edits).toEqual([
      ['/etc/default/grub.d/50-cloudimg-settings.cfg', 1],
      ['/etc/default/grub', 0],
    ]);
  });

  it('RHEL-like UEFI: a full ESP grub.cfg the bundle shows is regenerated; a stub never is', () => {
    const full = rhel({
      bootMode: 'uefi',
      boot: { ...base.boot!, espGrubCfgs: [{ path: '/boot/efi/EFI/redhat/grub.cfg', directory: 'redhat', stub: false }] },
    });
    expect(runs(changeKernelParams(full, change, 's').steps)).toEqual(['grub2-mkconfig -o /boot/efi/EFI/redhat/grub.cfg']);
    const stub = rhel({
      bootMode: 'uefi',
      boot: { ...base.boot!, espGrubCfgs: [{ path: '/boot/efi/EFI/redhat/grub.cfg', directory: 'redhat', stub: true }] },
    });
    expect(runs(changeKernelParams(stub, change, 's').steps)).toEqual(['grub2-mkconfig -o /boot/grub2/grub.cfg']);
  });

  it('a count replaced where it stands; grubby gets it as an argument of the same name', () => {
    const fix = changeKernelParams(base, { add: [], remove: [], replace: [{ from: 'hugepages=64', to: 'hugepages=32' }] }, 's');
    expect(fix.steps[0]).toMatchObject({ edit: { replace: [{ from: 'hugepages=64', to: ['hugepages=32'] }] } });
    expect(
      runs(
        changeKernelParams(
          rhel({ bootloader: 'grub-bls' }),
          { add: [], remove: [], replace: [{ from: 'hugepages=64', to: 'hugepages=32' }] },
          's',
        ).steps,
      ),
    ).toEqual(['grubby --update-kernel=ALL --args=hugepages=32']);
  });

  it('every parameter refused: only the notes saying why, no edit and no regeneration', () => {
    const fix = changeKernelParams(base, { add: ['a"b'], remove: ['$(x)'] }, 's');
    expect(fix.steps.map((s) => s.kind)).toEqual(['note', 'note']);
  });

  it('nothing to add or remove: no file edit and no regenerate command, only where to look', () => {
    const fix = changeKernelParams(base, { add: [], remove: [] }, 's');
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'note', 'verify']);
    expect(runs(fix.steps)).toEqual(['dmesg | grep -i -e DMAR -e AMD-Vi -e iommu']);
  });

  it('unknown bootloader: assumes GRUB and says so', () => {
    expect(changeKernelParams({ ...base, bootloader: null }, change, 's').caveats?.[0]).toMatch(/could not be identified/);
  });
});
