/**
 * Load the KVM module for this CPU vendor now and at boot. kvm_intel/kvm_amd are the vendor
 * modules of arch/x86/kvm (vmx/ and svm/); modules-load.d(5) loads them at boot, although udev
 * normally autoloads them from the CPU's modalias (x86cpu:…feature:*VMX* / *SVM*).
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix } from './fix.js';

export function loadKvmModule(host: HostProfile): Fix {
  const mod = host.cpuVendor === 'amd' ? 'kvm_amd' : host.cpuVendor === 'intel' ? 'kvm_intel' : null;
  const name = mod ?? 'kvm_intel (Intel) or kvm_amd (AMD)';
  return {
    summary: `Load ${name}`,
    steps: [
      {
        kind: 'run',
        command: `modprobe ${mod ?? 'kvm_intel'}`,
        why: 'loads KVM now; its error in dmesg names the cause if it refuses (e.g. "disabled by bios")',
      },
      { kind: 'edit-file', path: '/etc/modules-load.d/kvm.conf', change: `one line: ${mod ?? 'kvm_intel or kvm_amd'}` },
      { kind: 'verify', command: 'ls -l /dev/kvm', expect: 'a character device' },
    ],
  };
}

/** A kernel built without VFIO/IOMMU: boot the distribution's stock kernel (Debian, RHEL, Proxmox build all of them as y/m). */
export function installVfioKernel(host: HostProfile | null, options: readonly string[]): Fix {
  const pkg =
    host?.distro === 'debian-like'
      ? 'apt install linux-image-amd64'
      : host?.distro === 'proxmox'
        ? 'apt install proxmox-default-kernel'
        : host?.distro === 'rhel-like'
          ? 'dnf install kernel'
          : null;
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
      { kind: 'verify', command: 'grep -E "CONFIG_VFIO(_PCI|_IOMMU_TYPE1)?=" /boot/config-$(uname -r)', expect: 'each =y or =m' },
    ],
  };
}
