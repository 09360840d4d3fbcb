/**
 * Load the KVM module for this CPU vendor now and at boot. kvm_intel/kvm_amd are the vendor
 * modules of arch/x86/kvm (vmx/ and svm/); modules-load.d(5) loads them at boot, although udev
 * normally autoloads them from the CPU's modalias (x86cpu:…feature:*VMX* / *SVM*).
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { Fix, FixStep } from './fix.js';
import { editStep } from './initramfs.js';

export function loadKvmModule(host: HostProfile): Fix {
  const mod = host.cpuVendor === 'amd' ? 'kvm_amd' : host.cpuVendor === 'intel' ? 'kvm_intel' : null;
  const name = mod ?? 'kvm_intel (Intel) or kvm_amd (AMD)';
  return {
    summary: `Load ${name}`,
    steps: [
      mod !== null
        ? {
            kind: 'run',
            command: `modprobe ${mod}`,
            why: 'loads KVM now; its error in dmesg names the cause if it refuses (e.g. "disabled by bios")',
          }
        : { kind: 'run', command: 'modprobe kvm_intel || modprobe kvm_amd', why: 'loads the KVM module of this CPU now' },
      mod !== null
        ? editStep('/etc/modules-load.d/kvm.conf', { op: 'module-list', add: [mod], remove: [] })
        : { kind: 'note', text: 'Add kvm_intel (Intel) or kvm_amd (AMD) to /etc/modules-load.d/kvm.conf.' },
      { kind: 'verify', command: 'ls -l /dev/kvm', expect: 'a character device' },
    ],
  };
}

/**
 * The distribution's stock kernel (each builds VFIO and the IOMMU drivers as y or m): Debian's
 * linux-image-amd64 metapackage, Ubuntu's linux-generic (Ubuntu has no linux-image-amd64),
 * Proxmox VE's proxmox-default-kernel, `kernel` on RHEL-like hosts (yum on 7, dnf after),
 * kernel-default on SUSE, linux on Arch.
 */
function stockKernel(host: HostProfile | null): string | null {
  if (!host) return null;
  const ids = [host.distroId ?? '', ...host.idLike].map((i) => i.toLowerCase());
  // Debian names its kernel metapackage by architecture; Proxmox VE and Arch Linux (not Arch Linux ARM) ship x86_64 kernels only.
  const arm = host.arch === 'aarch64';
  switch (host.distro) {
    case 'debian-like':
      return ids.includes('ubuntu')
        ? 'apt install linux-generic'
        : ids.includes('debian')
          ? `apt install linux-image-${arm ? 'arm64' : 'amd64'}`
          : null;
    case 'proxmox':
      return arm ? null : 'apt install proxmox-default-kernel';
    case 'rhel-like':
      return /^7(?:\.|$)/.test(host.distroVersion ?? '') ? 'yum install kernel' : 'dnf install kernel';
    case 'suse':
      return 'zypper install kernel-default';
    case 'arch':
      return arm ? null : 'pacman -S linux';
    case 'other':
    case null:
      return null;
    default: {
      const never: never = host.distro;
      return never;
    }
  }
}

/** A kernel built without VFIO/IOMMU: boot the distribution's stock kernel. */
export function installVfioKernel(host: HostProfile | null, options: readonly string[]): Fix {
  const pkg = stockKernel(host);
  // Arch installs no /boot/config-*; its kernels expose the configuration as /proc/config.gz.
  const verify: FixStep =
    host?.distro === 'arch'
      ? { kind: 'verify', command: "zgrep -E 'CONFIG_VFIO(_PCI|_IOMMU_TYPE1)?=' /proc/config.gz", expect: 'each =y or =m' }
      : { kind: 'verify', command: 'grep -E "CONFIG_VFIO(_PCI|_IOMMU_TYPE1)?=" "/boot/config-$(uname -r)"', expect: 'each =y or =m' };
  return {
    summary: 'Boot a kernel built with VFIO and IOMMU support',
    steps: [
      pkg
        ? { kind: 'run', command: pkg, why: "installs the distribution's stock kernel, which builds VFIO and the IOMMU drivers" }
        : {
            kind: 'note',
            text: `Rebuild the kernel with ${options.join(', ')} set to y or m, or install the distribution's stock kernel.`,
          },
      { kind: 'reboot' },
      verify,
    ],
  };
}
