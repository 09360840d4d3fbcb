/**
 * Arm64 virtualization: the exception level the CPUs started at (arch/arm64/kernel/smp.c
 * hyp_mode_check; EL2 is where the virtualization extension lives, and only firmware that enters
 * the kernel at EL2 leaves it usable) and KVM's own start-up (arch/arm64/kvm/arm.c kvm_arm_init,
 * printed through kvm_info, which prefixes `kvm [%i]: ` with the pid: `kvm [1]: `). KVM is built
 * into arm64 kernels (arch/arm64/kvm/Kconfig: bool), so these lines, not a module, say whether it runs.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1_ARM64, LINUX_6_12_ARM64 } from './versions.js';

const BOTH = [LINUX_6_1_ARM64, LINUX_6_12_ARM64];
const SMP = 'arch/arm64/kernel/smp.c';
const KVM = 'arch/arm64/kvm/arm.c';

export const ARM64_KVM: readonly LogCatalogEntry[] = [
  {
    id: 'arm64-cpus-started-el2',
    origin: 'kernel',
    sourceFile: SMP,
    format: 'CPU: All CPU(s) started at EL2\n',
    needle: 'All CPU(s) started at EL',
    pattern: /^CPU: All CPU\(s\) started at EL2$/,
    fault: 'cpu-virtualization-enabled',
    level: 'info',
    meaning: 'The firmware entered the kernel at EL2: the CPU virtualization extension is available to KVM.',
    verifiedIn: BOTH,
  },
  {
    id: 'arm64-cpus-started-el1',
    origin: 'kernel',
    sourceFile: SMP,
    format: 'CPU: All CPU(s) started at EL1\n',
    needle: 'All CPU(s) started at EL',
    pattern: /^CPU: All CPU\(s\) started at EL1$/,
    fault: 'cpu-virtualization-disabled',
    level: 'info',
    meaning: 'The firmware (or the hypervisor this host runs under) entered the kernel at EL1: without EL2, KVM cannot run guests.',
    verifiedIn: BOTH,
  },
  {
    id: 'kvm-arm-hyp-unavailable',
    origin: 'kernel',
    sourceFile: KVM,
    format: 'HYP mode not available\n',
    prefix: 'kvm [%i]: ',
    needle: 'HYP mode not available',
    pattern: /^kvm \[\d+\]: HYP mode not available$/,
    fault: 'kvm-unavailable',
    level: 'info',
    meaning: 'KVM gave up at start-up because the CPUs did not start at EL2: there is no /dev/kvm.',
    verifiedIn: BOTH,
  },
  {
    id: 'kvm-arm-disabled-cmdline',
    origin: 'kernel',
    sourceFile: KVM,
    format: 'KVM disabled from command line\n',
    prefix: 'kvm [%i]: ',
    needle: 'KVM disabled from command line',
    pattern: /^kvm \[\d+\]: KVM disabled from command line$/,
    fault: 'kvm-unavailable',
    level: 'info',
    meaning: 'kvm-arm.mode=none on the command line switched KVM off: there is no /dev/kvm.',
    verifiedIn: BOTH,
  },
  {
    // early_kvm_mode_cfg: a kvm-arm.mode= given to a kernel that did not start at EL2.
    id: 'kvm-arm-mode-ignored',
    origin: 'kernel',
    sourceFile: KVM,
    format: 'KVM is not available. Ignoring kvm-arm.mode\n',
    needle: 'KVM is not available. Ignoring kvm-arm.mode',
    pattern: /^KVM is not available\. Ignoring kvm-arm\.mode$/,
    fault: 'kvm-unavailable',
    level: 'warning',
    meaning: 'The CPUs did not start at EL2, so KVM is not available and the kvm-arm.mode= parameter is ignored.',
    verifiedIn: BOTH,
  },
  {
    // 6.12: "%s%sVHE mode …" with "" | "Protected " | "Hyp " and "" | "h" | "n" (test/fixtures/lab-arm64/healthy-acpi-6.12).
    id: 'kvm-arm-initialized',
    origin: 'kernel',
    sourceFile: KVM,
    format: '%s%sVHE mode initialized successfully\n',
    prefix: 'kvm [%i]: ',
    needle: 'VHE mode initialized successfully',
    pattern: /^kvm \[\d+\]: (?<value>(?:Protected |Hyp )?[hn]?VHE(?:\+NV2)?) mode initialized successfully$/,
    fault: 'kvm-ready',
    level: 'info',
    meaning: 'KVM started in this hypervisor mode (VHE, or nVHE/hVHE at EL2 beside the kernel): /dev/kvm is there.',
    verifiedIn: BOTH,
  },
  {
    // 6.1 printed nVHE as "Hyp mode" (test/fixtures/lab-arm64/group-shared-acpi-6.1, a Cortex-A57 without VHE).
    id: 'kvm-arm-hyp-initialized-legacy',
    origin: 'kernel',
    sourceFile: KVM,
    format: 'Hyp mode initialized successfully\n',
    prefix: 'kvm [%i]: ',
    needle: 'Hyp mode initialized successfully',
    pattern: /^kvm \[\d+\]: Hyp mode initialized successfully$/,
    fault: 'kvm-ready',
    level: 'info',
    meaning: 'KVM started in nVHE mode (its hypervisor at EL2 beside the kernel): /dev/kvm is there.',
    verifiedIn: [LINUX_6_1_ARM64],
  },
];
