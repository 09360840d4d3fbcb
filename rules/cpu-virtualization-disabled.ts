import { defineRule } from '../src/engine/define-rule.js';
import { enableCpuVirtualization } from '../src/fixes/firmware.js';

export default defineRule({
  id: 'cpu-virtualization-disabled',
  title: 'The CPU does not report hardware virtualization (VT-x / AMD-V)',
  severity: 'error',
  tags: ['cpu', 'firmware'],
  source: 'FAQ "How to Verify Intel VT-d or AMD IOMMU is Enabled in System BIOS?" (egrep vmx|svm /proc/cpuinfo)',
  needs: ['cpu'],
  optional: ['virtualization'],
  messages: {
    present: 'The CPU reports the {{flag}} flag: hardware virtualization is enabled.',
    missing: 'The CPU reports neither vmx nor svm: {{vendor}} hardware virtualization is off in the firmware, so KVM cannot run guests.',
    missingInVm:
      'The CPU of this virtual machine reports neither vmx nor svm: the outer hypervisor does not offer nested virtualization, so KVM cannot run guests here.',
  },
  check({ cpu, virtualization }, r) {
    const c = cpu.value;
    if (c.virtFlag !== null) return r.pass('present', { flag: c.virtFlag }, [c.flagsRef]);
    const vendor = c.vendor === 'intel' ? 'Intel VT-x' : c.vendor === 'amd' ? 'AMD-V (SVM)' : 'CPU';
    const verify = {
      kind: 'verify',
      command: "grep -m1 -wo -E 'vmx|svm' /proc/cpuinfo",
      expect: c.vendor === 'amd' ? 'svm' : c.vendor === 'intel' ? 'vmx' : 'vmx or svm',
    } as const;
    // systemd-detect-virt (through the virtualization fact) is the authority; the CPU's hypervisor flag decides without it.
    const inVm = virtualization.state === 'known' ? virtualization.value.isVirtualMachine : c.hypervisorFlag;
    if (inVm)
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
