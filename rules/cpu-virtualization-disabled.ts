import { defineRule } from '../src/engine/define-rule.js';
import { logShowsArm64 } from '../src/facts/architecture.js';
import { enableCpuVirtualization } from '../src/fixes/firmware.js';

// x86: the vmx (VT-x) / svm (AMD-V) CPU flag. arm64 has no such flag: the extension is EL2, and the
// kernel says which level the CPUs started at (arch/arm64/kernel/smp.c hyp_mode_check) and whether
// KVM found its hypervisor mode (arch/arm64/kvm/arm.c; src/log-catalog/arm64-kvm.ts).
export default defineRule({
  id: 'cpu-virtualization-disabled',
  title: 'The CPU virtualization extension is off',
  severity: 'error',
  tags: ['cpu', 'firmware'],
  source: 'FAQ "How to Verify Intel VT-d or AMD IOMMU is Enabled in System BIOS?" (egrep vmx|svm /proc/cpuinfo)',
  needs: ['host'],
  optional: ['cpu', 'virtualization', 'logEvents'],
  messages: {
    present: 'The CPU reports the {{flag}} flag: hardware virtualization is enabled.',
    missing: 'The CPU reports neither vmx nor svm: {{vendor}} hardware virtualization is off in the firmware, so KVM cannot run guests.',
    missingInVm:
      'The CPU of this virtual machine reports neither vmx nor svm: the outer hypervisor does not offer nested virtualization, so KVM cannot run guests here.',
    lockedByFirmware:
      'KVM refused to start because the firmware locked {{vendor}} off ("{{line}}"): the CPU has the extension, but nothing can use it until the firmware setup enables it.',
    cpuUnknown: 'The CPU flags are not in the bundle: {{reason}}.',
    el2: 'The CPUs started at EL2: the Arm virtualization extension is available to KVM.',
    el1: 'The CPUs started at EL1: the firmware entered the kernel without EL2, the Arm virtualization extension, so KVM cannot run guests.',
    el1InVm:
      'The CPUs of this virtual machine started at EL1: the outer hypervisor does not offer EL2 (nested virtualization), so KVM cannot run guests here.',
    elUnknown: 'The kernel log does not say at which exception level the CPUs started{{why}}.',
    unsupported: 'CPU virtualization on {{machine}} hosts is not supported yet: only x86_64 and aarch64 are judged.',
  },
  check({ host, cpu, virtualization, logEvents }, r) {
    if (host.value.arch === 'other') return r.unknown('unsupported', { machine: host.value.machine ?? 'this architecture' }, []);
    const inVmKnown = virtualization.state === 'known' ? virtualization.value.isVirtualMachine : null;
    const events = logEvents.state === 'known' ? logEvents.value.events : [];
    // A bundle that names no architecture but holds lines only an arm64 kernel prints is read as arm64.
    if (host.value.arch === 'aarch64' || ((host.value.arch ?? null) === null && logShowsArm64(events))) {
      const on = events.find((e) => e.fault === 'cpu-virtualization-enabled' || e.fault === 'kvm-ready');
      if (on)
        return r.pass('el2', {}, on.refs.slice(0, 1), {
          despiteGaps: 'the kernel printed the level the CPUs started at, or KVM its hypervisor mode',
        });
      const off = events.filter(
        (e) => e.fault === 'cpu-virtualization-disabled' || e.id === 'kvm-arm-hyp-unavailable' || e.id === 'kvm-arm-mode-ignored',
      );
      if (off.length === 0)
        return r.unknown('elUnknown', { why: logEvents.state === 'known' ? '' : ` (${logEvents.reason})` }, [
          'sudo dmesg | grep -e "started at EL" -e "kvm \\["',
        ]);
      const verify = { kind: 'verify', command: 'dmesg | grep "started at EL"', expect: 'CPU: All CPU(s) started at EL2' } as const;
      const profile = { ...host.value, virtualMachine: inVmKnown ?? host.value.virtualMachine };
      const evidence = off.flatMap((e) => e.refs.slice(0, 1));
      return inVmKnown
        ? r.fail('el1InVm', {}, [...evidence, ...(virtualization.state === 'known' ? virtualization.evidence : [])], {
            summary: 'Give this virtual machine EL2 (nested virtualization)',
            steps: [enableCpuVirtualization(profile), { kind: 'reboot' }, verify],
          })
        : r.fail('el1', {}, evidence, {
            summary: 'Start the kernel at EL2',
            steps: [enableCpuVirtualization(profile), { kind: 'reboot' }, verify],
          });
    }
    // x86: the KVM vendor module's own refusal proves the extension locked off, whatever the CPU flags say
    // (older kernels keep `vmx` in /proc/cpuinfo when the firmware locks it).
    const locked = events.find((e) => e.fault === 'cpu-virtualization-disabled');
    if (locked) {
      const vendorOf =
        cpu.state === 'known' ? cpu.value.vendor : locked.id.startsWith('kvm-intel') || locked.module === 'kvm_intel' ? 'intel' : null;
      const vendor = vendorOf === 'intel' ? 'Intel VT-x' : vendorOf === 'amd' ? 'AMD-V (SVM)' : 'CPU virtualization';
      return r.fail('lockedByFirmware', { vendor, line: locked.refs[0]?.text.slice(0, 200) ?? locked.id }, locked.refs.slice(0, 2), {
        summary: `Enable ${vendor} in the firmware setup`,
        steps: [
          enableCpuVirtualization({ ...host.value, cpuVendor: vendorOf ?? host.value.cpuVendor }),
          { kind: 'reboot' },
          {
            kind: 'verify',
            command: 'sudo modprobe kvm_intel 2>/dev/null || sudo modprobe kvm_amd; ls -l /dev/kvm',
            expect: 'the module loads and /dev/kvm exists',
          },
        ],
      });
    }
    if (cpu.state === 'unknown') return r.unknown('cpuUnknown', { reason: cpu.reason }, cpu.collect);
    const c = cpu.value;
    if (c.virtFlag !== null) return r.pass('present', { flag: c.virtFlag }, [c.flagsRef]);
    const vendor = c.vendor === 'intel' ? 'Intel VT-x' : c.vendor === 'amd' ? 'AMD-V (SVM)' : 'CPU';
    const verify = {
      kind: 'verify',
      command: "grep -m1 -wo -E 'vmx|svm' /proc/cpuinfo",
      expect: c.vendor === 'amd' ? 'svm' : c.vendor === 'intel' ? 'vmx' : 'vmx or svm',
    } as const;
    // systemd-detect-virt (through the virtualization fact) is the authority; the CPU's hypervisor flag decides without it.
    if (inVmKnown ?? c.hypervisorFlag)
      return r.fail('missingInVm', { vendor }, [c.flagsRef, ...(virtualization.state === 'known' ? virtualization.evidence : [])], {
        summary: 'Expose hardware virtualization to this virtual machine (nested virtualization)',
        steps: [
          {
            kind: 'note',
            text: 'On the outer KVM host: load kvm_intel with nested=1 (kvm_amd nested=1 is the default), and give the guest the host CPU model (QEMU -cpu host, libvirt <cpu mode="host-passthrough"/>); VMware: "Expose hardware assisted virtualization"; Hyper-V: Set-VMProcessor -ExposeVirtualizationExtensions $true.',
          },
          { kind: 'reboot' },
          verify,
        ],
      });
    return r.fail('missing', { vendor }, [c.flagsRef], {
      summary: `Enable ${vendor} in the firmware setup`,
      steps: [enableCpuVirtualization(c.vendor), { kind: 'reboot' }, verify],
    });
  },
});
