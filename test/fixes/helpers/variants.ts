/**
 * Host-family variants from verbatim published files (test/fixtures/host-families/SOURCES.md for
 * the files in that folder; test/fixtures/SOURCES.md for those of the parser folders).
 */
import { fx } from '../../helpers/bundle-from.js';
import { hf, type Variant } from './host-of.js';

const uefi = { status: 'ok', text: 'config_table\nefivars\nfw_platform_size\n' } as const;
/** The Fedora/RHEL ESP stub that gen_grub_cfgstub writes, at the path of a vendor directory. */
const espStub = (dir: string) => ({ status: 'ok', text: fx('grub-cfg/fedora-efi-stub.cfg'), name: `${dir}/grub.cfg` }) as const;
const bls = (file: string, name: string) => ({ status: 'ok', text: fx(`bls-entry/${file}`), name }) as const;

export const VARIANTS: Readonly<Record<string, Variant>> = {
  'debian-12-bios': {
    evidence: {
      efi: null,
      'os-release': hf('debian-12/os-release'),
      'default-grub': fx('default-grub/debian-12-template.txt'),
      'grub-cfg': fx('grub-cfg/debian-12-iommu.cfg'),
      'initramfs-tools-modules': fx('initramfs-tools-modules/debian-12-template.txt'),
    },
  },
  'debian-12-uefi': {
    evidence: {
      efi: uefi,
      'os-release': hf('debian-12/os-release'),
      'default-grub': fx('default-grub/debian-12-template.txt'),
      'grub-cfg': fx('grub-cfg/debian-12-iommu.cfg'),
      'initramfs-tools-modules': fx('initramfs-tools-modules/debian-12-template.txt'),
    },
  },
  'ubuntu-22.04': {
    evidence: { 'os-release': hf('ubuntu-22.04/os-release'), 'default-grub': fx('default-grub/debian-12-template.txt') },
  },
  'ubuntu-24.04': {
    evidence: { 'os-release': hf('ubuntu-24.04/os-release'), 'default-grub': fx('default-grub/debian-12-template.txt') },
  },
  'rhel-9.4-uefi-bls': {
    evidence: {
      efi: uefi,
      'os-release': hf('rhel-9.4/os-release'),
      'default-grub': fx('default-grub/centos-stream-9-blscfg.txt'),
      'bls-entries': bls('uapi-spec-example.conf', '6a9857a393724b7a981ebb5b8495b9ea-3.8.0-2.fc19.x86_64.conf'),
      'efi-grub-cfg': espStub('redhat'),
      'grub2-cfg': { status: 'denied' },
    },
  },
  'rocky-9.4-uefi-non-root': {
    evidence: {
      efi: uefi,
      'os-release': hf('rocky-9.4/os-release'),
      'default-grub': fx('default-grub/centos-stream-9-blscfg.txt'),
      'grub2-cfg': { status: 'denied' },
      'bls-entries': { status: 'denied' },
      'efi-grub-cfg': { status: 'denied' },
    },
  },
  'rocky-8.10-bios-bls': {
    evidence: {
      efi: null,
      'os-release': hf('rocky-8.10/os-release'),
      'default-grub': fx('default-grub/centos-stream-9-blscfg.txt'),
      'bls-entries': bls('rocky-8.5-kernelopts.conf', '6fa25ca775f64accb0d3e53f0e4e6e92-5.16.9-custom.conf'),
      grubenv: fx('grubenv/rhel8-kernelopts.env'),
      'grub2-cfg': { status: 'denied' },
    },
  },
  'rhel-8.10-uefi-no-bls': {
    evidence: { efi: uefi, 'os-release': hf('rhel-8.10/os-release'), 'default-grub': hf('centos-7/default-grub') },
  },
  'centos-7-uefi': {
    evidence: { efi: uefi, 'os-release': hf('centos-7/os-release'), 'default-grub': hf('centos-7/default-grub') },
  },
  'centos-7-bios': {
    evidence: { efi: null, 'os-release': hf('centos-7/os-release'), 'default-grub': hf('centos-7/default-grub') },
  },
  'fedora-40-uefi-bls': {
    evidence: {
      efi: uefi,
      'os-release': hf('fedora-40/os-release'),
      'default-grub': fx('default-grub/centos-stream-9-blscfg.txt'),
      'efi-grub-cfg': espStub('fedora'),
      'grub2-cfg': { status: 'denied' },
    },
  },
  'almalinux-9.4-uefi-no-bls': {
    evidence: { efi: uefi, 'os-release': hf('almalinux-9.4/os-release'), 'default-grub': hf('centos-7/default-grub') },
  },
  'ol-9.4-uefi-stub': {
    evidence: {
      efi: uefi,
      'os-release': hf('ol-9.4/os-release'),
      'default-grub': hf('centos-7/default-grub'),
      'efi-grub-cfg': espStub('redhat'),
    },
  },
  'proxmox-8-grub': {
    kernelRelease: '5.15.30-1-pve',
    evidence: { efi: null, 'os-release': hf('debian-12/os-release'), 'default-grub': fx('default-grub/debian-12-template.txt') },
  },
  'proxmox-8-systemd-boot': {
    kernelRelease: '5.15.30-1-pve',
    evidence: {
      efi: uefi,
      'os-release': hf('debian-12/os-release'),
      // A stale /etc/default/grub beside /etc/kernel/cmdline; the ESP, and so its entries, is not mounted.
      'default-grub': fx('default-grub/debian-12-template.txt'),
      'kernel-cmdline-file': fx('kernel-cmdline-file/proxmox-zfs.txt'),
      cmdline: fx('kernel-cmdline-file/proxmox-zfs.txt'),
    },
  },
  'arch-systemd-boot': {
    evidence: {
      efi: uefi,
      'os-release': hf('arch/os-release'),
      'bls-entries': { status: 'ok', text: hf('arch/loader-entry-arch.conf'), name: 'arch.conf' },
      cmdline: 'root=/dev/mapper/vg0-lv_root rw quiet splash rootflags=subvol=@\n',
    },
  },
  'opensuse-leap-15.5': {
    evidence: { efi: uefi, 'os-release': hf('opensuse-leap-15.5/os-release'), 'default-grub': fx('default-grub/debian-12-template.txt') },
  },
  'sles-15.5': {
    evidence: { efi: null, 'os-release': hf('sles-15.5/os-release'), 'default-grub': fx('default-grub/debian-12-template.txt') },
  },
  'openeuler-24.03-uefi': {
    evidence: { efi: uefi, 'os-release': hf('openeuler-24.03/os-release'), 'default-grub': hf('centos-7/default-grub') },
  },
};
