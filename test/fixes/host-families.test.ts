/**
 * The fixes per host family, from verbatim published files of each distribution run through the
 * real parsers and facts (test/fixes/helpers/variants.ts): where the kernel command line is
 * edited, what regenerates the boot configuration (never into an ESP stub), which initramfs tool
 * and files, which package. Expected commands are written from each distribution's documentation
 * (cited in src/fixes/boot-target.ts and src/fixes/initramfs.ts), not from the code's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HostProfile } from '../../src/facts/host-profile.js';
import type { FixStep } from '../../src/fixes/fix.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';
import { installVfioKernel } from '../../src/fixes/kvm-module.js';
import { loadVfioModules } from '../../src/fixes/vfio-modules.js';
import { bindToVfioAtBoot } from '../../src/fixes/vfio-binding.js';
import { ROOT } from '../helpers/bundle-from.js';
import { hostOf } from './helpers/host-of.js';
import { LAB_NIC } from './helpers/lab-nic.js';
import { VARIANTS } from './helpers/variants.js';

const host = (name: string): HostProfile => hostOf(VARIANTS[name]!);
const change = { add: ['intel_iommu=on'], remove: ['iommu=pt'] };
const runs = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'run' ? [s.command] : []));
const edited = (steps: readonly FixStep[]) => steps.flatMap((s) => (s.kind === 'edit-file' ? [s.path] : []));
const kinds = (steps: readonly FixStep[]) => steps.map((s) => s.kind);
const NIC = LAB_NIC;

describe('where the command line lives and what regenerates the boot configuration', () => {
  it('Debian 12, BIOS and UEFI: GRUB_CMDLINE_LINUX_DEFAULT, update-grub (the ESP holds a stub)', () => {
    for (const v of ['debian-12-bios', 'debian-12-uefi']) {
      const h = host(v);
      expect([h.distro, h.bootloader, h.initramfs]).toEqual(['debian-like', 'grub', 'initramfs-tools']);
      const fix = changeKernelParams(h, change, 's');
      expect(kinds(fix.steps)).toEqual(['edit-file', 'run', 'reboot', 'verify', 'verify']);
      expect(edited(fix.steps)).toEqual(['/etc/default/grub']);
      expect(fix.steps[0]).toMatchObject({
        edit: { location: { kind: 'shell-variable', variables: ['GRUB_CMDLINE_LINUX_DEFAULT', 'GRUB_CMDLINE_LINUX'] } },
      });
      expect(runs(fix.steps)).toEqual(['update-grub']);
    }
    expect(host('debian-12-bios').bootMode).toBe('bios');
    expect(host('debian-12-uefi').bootMode).toBe('uefi');
  });

  it('RHEL 9 on UEFI with BLS: grubby on every entry plus GRUB_CMDLINE_LINUX; never grub2-mkconfig into the ESP stub', () => {
    const h = host('rhel-9.4-uefi-bls');
    expect([h.distro, h.bootloader, h.distroVersion]).toEqual(['rhel-like', 'grub-bls', '9.4']);
    expect(h.boot?.espGrubCfgs).toEqual([{ path: '/boot/efi/EFI/redhat/grub.cfg', directory: 'redhat', stub: true }]);
    const fix = changeKernelParams(h, change, 's');
    expect(runs(fix.steps)).toEqual(['grubby --update-kernel=ALL --remove-args=iommu=pt --args=intel_iommu=on']);
    expect(edited(fix.steps)).toEqual(['/etc/default/grub']);
    expect(fix.steps[0]).toMatchObject({ edit: { location: { variables: ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT'] } } });
    expect(JSON.stringify(fix)).not.toContain('/boot/efi/EFI');
  });

  it('Rocky 9 collected without root (grub.cfg, entries and ESP denied): GRUB_ENABLE_BLSCFG decides grubby', () => {
    const h = host('rocky-9.4-uefi-non-root');
    expect(h.bootloader).toBe('grub-bls');
    expect(runs(changeKernelParams(h, change, 's').steps)[0]).toMatch(/^grubby --update-kernel=ALL /);
  });

  it('Rocky 8 with BLS and $kernelopts: grubby too', () => {
    expect(runs(changeKernelParams(host('rocky-8.10-bios-bls'), change, 's').steps)[0]).toMatch(/^grubby --update-kernel=ALL /);
  });

  it('CentOS 7 and RHEL 8 without BLS on UEFI: the vendor directory (centos, redhat), written only if it is a full configuration', () => {
    const centos = runs(changeKernelParams(host('centos-7-uefi'), change, 's').steps);
    expect(centos).toHaveLength(1);
    expect(centos[0]).toContain('f=/boot/efi/EFI/centos/grub.cfg;');
    expect(centos[0]).toContain('grep -Eq \'^[[:space:]]*(menuentry|blscfg)\' "$f"; then grub2-mkconfig -o "$f"');
    expect(runs(changeKernelParams(host('rhel-8.10-uefi-no-bls'), change, 's').steps)[0]).toContain('f=/boot/efi/EFI/redhat/grub.cfg;');
  });

  it('CentOS 7 on BIOS: grub2-mkconfig -o /boot/grub2/grub.cfg', () => {
    expect(runs(changeKernelParams(host('centos-7-bios'), change, 's').steps)).toEqual(['grub2-mkconfig -o /boot/grub2/grub.cfg']);
  });

  it('Fedora 40, AlmaLinux 9 and Oracle Linux 9 on UEFI: /boot/grub2/grub.cfg (or grubby with BLS), never the ESP', () => {
    expect(runs(changeKernelParams(host('fedora-40-uefi-bls'), change, 's').steps)[0]).toMatch(/^grubby /);
    expect(runs(changeKernelParams(host('almalinux-9.4-uefi-no-bls'), change, 's').steps)).toEqual([
      'grub2-mkconfig -o /boot/grub2/grub.cfg',
    ]);
    // Oracle Linux keeps Red Hat's EFI/redhat; the bundle shows it is a stub.
    expect(runs(changeKernelParams(host('ol-9.4-uefi-stub'), change, 's').steps)).toEqual(['grub2-mkconfig -o /boot/grub2/grub.cfg']);
  });

  it('Proxmox VE with GRUB: GRUB_CMDLINE_LINUX_DEFAULT and update-grub (pve-docs)', () => {
    const h = host('proxmox-8-grub');
    expect([h.distro, h.bootloader]).toEqual(['proxmox', 'grub']);
    expect(runs(changeKernelParams(h, change, 's').steps)).toEqual(['update-grub']);
  });

  it('Proxmox VE with systemd-boot beside a stale /etc/default/grub: /etc/kernel/cmdline, proxmox-boot-tool refresh and status', () => {
    const h = host('proxmox-8-systemd-boot');
    expect([h.distro, h.bootloader]).toEqual(['proxmox', 'systemd-boot']);
    const fix = changeKernelParams(h, change, 's');
    expect(edited(fix.steps)).toEqual(['/etc/kernel/cmdline']);
    expect(runs(fix.steps)).toEqual(['proxmox-boot-tool refresh']);
    expect(fix.steps.filter((s) => s.kind === 'verify').map((s) => (s.kind === 'verify' ? s.command : ''))).toContain(
      'proxmox-boot-tool status',
    );
  });

  it('Arch with hand-written systemd-boot entries: the options line of each entry; mkinitcpio, never dracut', () => {
    const h = host('arch-systemd-boot');
    expect([h.distro, h.bootloader, h.initramfs]).toEqual(['arch', 'systemd-boot', 'mkinitcpio']);
    const fix = changeKernelParams(h, change, 's');
    expect(edited(fix.steps)).toEqual(['/boot/loader/entries/arch.conf']);
    expect(fix.steps[0]).toMatchObject({ edit: { location: { kind: 'entry-options' } } });
    expect(runs(fix.steps)).toEqual([]);
    const bind = bindToVfioAtBoot(h, NIC, 'e1000e', { builtinDriver: false, otherSameIds: [] });
    expect(edited(bind.steps)).toEqual(['/etc/modprobe.d/vfio.conf', '/etc/modprobe.d/vfio.conf', '/etc/mkinitcpio.conf']);
    expect(bind.steps.find((s) => s.kind === 'edit-file' && s.path === '/etc/mkinitcpio.conf')).toMatchObject({
      edit: { op: 'shell-array', variable: 'MODULES', add: ['vfio_pci', 'vfio', 'vfio_iommu_type1'] },
    });
    expect(runs(bind.steps)).toContain('mkinitcpio -P');
    expect(JSON.stringify(bind)).not.toContain('dracut');
  });

  it('openSUSE Leap and SLES: GRUB_CMDLINE_LINUX_DEFAULT, grub2-mkconfig -o /boot/grub2/grub.cfg on both boot modes, dracut', () => {
    for (const v of ['opensuse-leap-15.5', 'sles-15.5']) {
      const h = host(v);
      expect([h.distro, h.initramfs]).toEqual(['suse', 'dracut']);
      expect(runs(changeKernelParams(h, change, 's').steps)).toEqual(['grub2-mkconfig -o /boot/grub2/grub.cfg']);
      expect(JSON.stringify(changeKernelParams(h, change, 's'))).not.toContain('opensuse-leap');
    }
  });

  it('openEuler (ID="openEuler") is RHEL-like; on UEFI its EFI directory is written only if it holds a full configuration', () => {
    const h = host('openeuler-24.03-uefi');
    expect(h.distro).toBe('rhel-like');
    expect(runs(changeKernelParams(h, change, 's').steps)[0]).toContain('f=/boot/efi/EFI/openEuler/grub.cfg;');
  });
});

describe('packages and module lists per family', () => {
  it('Ubuntu installs linux-generic, Debian linux-image-amd64, RHEL-like 9 dnf, CentOS 7 yum, SUSE kernel-default, Arch linux', () => {
    const pkg = (v: string) => runs(installVfioKernel(host(v), ['CONFIG_VFIO']).steps)[0];
    expect(pkg('ubuntu-22.04')).toBe('apt install linux-generic');
    expect(pkg('ubuntu-24.04')).toBe('apt install linux-generic');
    expect(pkg('debian-12-bios')).toBe('apt install linux-image-amd64');
    expect(pkg('rhel-9.4-uefi-bls')).toBe('dnf install kernel');
    expect(pkg('centos-7-bios')).toBe('yum install kernel');
    expect(pkg('sles-15.5')).toBe('zypper install kernel-default');
    expect(pkg('arch-systemd-boot')).toBe('pacman -S linux');
    expect(pkg('proxmox-8-grub')).toBe('apt install proxmox-default-kernel');
  });

  it('on arm64 Debian installs linux-image-arm64, and Arch Linux and Proxmox VE get no x86_64-only package', () => {
    // `uname -srvm` of the arm64 lab (Debian 6.1 on QEMU virt): the machine field says aarch64.
    const uname = readFileSync(join(ROOT, 'samples/lab-arm64-healthy-acpi/evidence/commands/uname.out'), 'utf8');
    const onArm = (v: string) => hostOf({ ...VARIANTS[v]!, evidence: { ...VARIANTS[v]!.evidence, uname } });
    const first = (v: string) => installVfioKernel(onArm(v), ['CONFIG_VFIO']).steps[0];
    expect(onArm('debian-12-bios').arch).toBe('aarch64');
    expect(first('debian-12-bios')).toMatchObject({ kind: 'run', command: 'apt install linux-image-arm64' });
    expect(first('arch-systemd-boot')?.kind).toBe('note');
    expect(first('proxmox-8-grub')?.kind).toBe('note');
  });

  it('vfio modules: modules-load.d on every family; the initramfs file is the family tool’s', () => {
    const initramfsEdits = (v: string) =>
      edited(bindToVfioAtBoot(host(v), NIC, 'e1000e', { builtinDriver: false, otherSameIds: [] }).steps).slice(2);
    expect(initramfsEdits('debian-12-bios')).toEqual(['/etc/initramfs-tools/modules']);
    expect(initramfsEdits('rhel-9.4-uefi-bls')).toEqual(['/etc/dracut.conf.d/vfio.conf']);
    expect(initramfsEdits('arch-systemd-boot')).toEqual(['/etc/mkinitcpio.conf']);
    expect(edited(loadVfioModules(host('centos-7-bios'), ['vfio_pci']).steps)).toEqual(['/etc/modules-load.d/vfio.conf']);
  });
});

describe('a reboot that would drop parameters the running kernel has', () => {
  it('is announced first: the lab booted with console=… quiet intel_iommu=on iommu=pt, the Debian template now holds only quiet', () => {
    const h = hostOf({
      evidence: {
        ...VARIANTS['debian-12-bios']!.evidence,
        cmdline: readFileSync(join(ROOT, 'samples/lab-intel-uefi-healthy/evidence/proc/cmdline'), 'utf8'),
      },
    });
    expect(h.paramsLostOnReboot).toEqual(['console=ttyS0,115200', 'intel_iommu=on', 'iommu=pt']);
    const fix = changeKernelParams(h, { add: ['intel_iommu=on'], remove: [] }, 's');
    expect(fix.steps[0]).toMatchObject({ kind: 'note' });
    // What the change itself adds is not reported as lost.
    expect(fix.steps[0]!.kind === 'note' && fix.steps[0]!.text).toMatch(/has console=ttyS0,115200 iommu=pt, which/);
  });
});
