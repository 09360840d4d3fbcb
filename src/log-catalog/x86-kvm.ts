/**
 * x86 KVM start-up refusals: the vendor module (kvm_intel, kvm_amd) finds the CPU's virtualization
 * extension missing or locked off by the firmware. Up to 6.1 the common x86 code printed them
 * (arch/x86/kvm/x86.c kvm_arch_init: "kvm: disabled by bios", in 6.1 "kvm: support for '%s' disabled
 * by bios"); by 6.12 each vendor module checks its own CPUs (vmx.c __kvm_is_vmx_supported, svm.c
 * kvm_is_svm_supported; read in the format strings of Debian's kvm-intel.ko and kvm-amd.ko). A locked-off VT-x leaves `vmx` in /proc/cpuinfo on older kernels, so these
 * lines, not the CPU flag, prove it. "no hardware support" also comes from the other vendor's module
 * (kvm_amd loaded on an Intel host), so it proves nothing about this CPU.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12, LINUX_OLDER } from './versions.js';

const X86 = 'arch/x86/kvm/x86.c';
const VMX = 'arch/x86/kvm/vmx/vmx.c';
const SVM = 'arch/x86/kvm/svm/svm.c';

export const X86_KVM: readonly LogCatalogEntry[] = [
  {
    id: 'kvm-x86-disabled-by-bios-legacy',
    origin: 'kernel',
    sourceFile: X86,
    format: 'kvm: disabled by bios\n',
    needle: 'kvm: disabled by bios',
    pattern: /^kvm: disabled by bios$/,
    fault: 'cpu-virtualization-disabled',
    level: 'error',
    meaning: 'KVM refused to start: the firmware locked the CPU virtualization extension (VT-x or AMD-V) off.',
    verifiedIn: [LINUX_OLDER],
  },
  {
    id: 'kvm-x86-disabled-by-bios',
    origin: 'kernel',
    sourceFile: X86,
    format: "kvm: support for '%s' disabled by bios\n",
    needle: 'disabled by bios',
    pattern: /^kvm: support for '(?<module>kvm_intel|kvm_amd)' disabled by bios$/,
    fault: 'cpu-virtualization-disabled',
    level: 'error',
    meaning: 'KVM refused to start: the firmware locked the CPU virtualization extension (VT-x or AMD-V) off.',
    verifiedIn: [LINUX_6_1],
  },
  {
    id: 'kvm-intel-vmx-disabled-by-bios',
    origin: 'kernel',
    sourceFile: VMX,
    format: 'VMX not enabled (by BIOS) in MSR_IA32_FEAT_CTL on CPU %d\n',
    prefix: 'kvm_intel: ',
    needle: 'VMX not enabled (by BIOS)',
    pattern: /^kvm_intel: VMX not enabled \(by BIOS\) in MSR_IA32_FEAT_CTL on CPU (?<value>\d+)$/,
    fault: 'cpu-virtualization-disabled',
    level: 'error',
    meaning: 'kvm_intel refused to start: the firmware left VT-x locked off in IA32_FEATURE_CONTROL.',
    verifiedIn: [LINUX_6_12],
  },
  {
    id: 'kvm-x86-no-hardware-support-legacy',
    origin: 'kernel',
    sourceFile: X86,
    format: 'kvm: no hardware support\n',
    needle: 'kvm: no hardware support',
    pattern: /^kvm: no hardware support$/,
    fault: 'kvm-module-refused',
    level: 'error',
    meaning: 'A KVM vendor module found no virtualization extension it drives (also printed by the other vendor’s module).',
    verifiedIn: [LINUX_OLDER],
  },
  {
    id: 'kvm-x86-no-hardware-support',
    origin: 'kernel',
    sourceFile: X86,
    format: "kvm: no hardware support for '%s'\n",
    needle: 'no hardware support for',
    pattern: /^kvm: no hardware support for '(?<module>kvm_intel|kvm_amd)'$/,
    fault: 'kvm-module-refused',
    level: 'error',
    meaning: 'This KVM vendor module found no virtualization extension it drives (kvm_amd on an Intel CPU prints it too).',
    verifiedIn: [LINUX_6_1],
  },
  {
    id: 'kvm-intel-vmx-unsupported',
    origin: 'kernel',
    sourceFile: VMX,
    format: 'VMX not supported by CPU %d\n',
    prefix: 'kvm_intel: ',
    needle: 'VMX not supported by CPU',
    pattern: /^kvm_intel: VMX not supported by CPU (?<value>\d+)$/,
    fault: 'kvm-module-refused',
    level: 'error',
    meaning: 'kvm_intel found no VT-x on this CPU (a virtual machine without nested virtualization, or an AMD CPU).',
    verifiedIn: [LINUX_6_12],
  },
  {
    id: 'kvm-amd-svm-unsupported',
    origin: 'kernel',
    sourceFile: SVM,
    format: 'SVM not supported by CPU %d\n',
    prefix: 'kvm_amd: ',
    needle: 'SVM not supported by CPU',
    pattern: /^kvm_amd: SVM not supported by CPU (?<value>\d+)$/,
    fault: 'kvm-module-refused',
    level: 'error',
    meaning: 'kvm_amd found no usable AMD-V on this CPU (an Intel CPU, a virtual machine without nested virtualization, or SVM off).',
    verifiedIn: [LINUX_6_12],
  },
];
