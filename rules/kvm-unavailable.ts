import { defineRule } from '../src/engine/define-rule.js';
import { enableCpuVirtualization } from '../src/fixes/firmware.js';
import { loadKvmModule } from '../src/fixes/kvm-module.js';

export default defineRule({
  id: 'kvm-unavailable',
  title: 'KVM is not available: no kvm_intel/kvm_amd module and no /dev/kvm',
  severity: 'error',
  tags: ['kvm', 'modules'],
  source: 'Guide prerequisites: a KVM/QEMU host',
  needs: ['kvm', 'host'],
  optional: ['cpu'],
  messages: {
    available: 'KVM is available ({{what}}).',
    missing:
      'Neither kvm_intel nor kvm_amd is loaded and /dev/kvm does not exist: QEMU cannot use KVM, so no guest can be started with a passed-through device.',
    missingNoCpuSupport:
      'Neither kvm_intel nor kvm_amd is loaded and /dev/kvm does not exist, because the CPU reports no vmx/svm flag (see cpu-virtualization-disabled).',
    undecided:
      '/dev/kvm was not collected and no KVM module is listed as loaded; KVM may be built into the kernel, so only /dev/kvm can tell.',
  },
  check({ kvm, host, cpu }, r) {
    const k = kvm.value;
    if (k.devKvm === true || k.module !== null)
      return r.pass('available', { what: [k.module, k.devKvm ? '/dev/kvm' : null].filter(Boolean).join(', ') }, kvm.evidence, {
        despiteGaps: 'a loaded KVM module, or /dev/kvm itself, proves KVM is there whatever else is missing',
      });
    if (k.devKvm === null) return r.unknown('undecided', {}, ['ls -l /dev/kvm']);
    const noFlag = cpu.state === 'known' && cpu.value.virtFlag === null;
    if (noFlag)
      return r.fail('missingNoCpuSupport', {}, [...kvm.evidence, cpu.value.flagsRef], {
        summary: 'Enable hardware virtualization first; the KVM module cannot load without it',
        steps: [
          enableCpuVirtualization(host.value),
          { kind: 'reboot' },
          { kind: 'verify', command: 'ls -l /dev/kvm', expect: 'a character device' },
        ],
      });
    return r.fail('missing', {}, kvm.evidence, loadKvmModule(host.value));
  },
});
