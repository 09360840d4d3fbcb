import { defineRule } from '../src/engine/define-rule.js';
import { logShowsArm64 } from '../src/facts/architecture.js';
import { enableCpuVirtualization } from '../src/fixes/firmware.js';
import { loadKvmModule } from '../src/fixes/kvm-module.js';

// x86 KVM is the kvm_intel / kvm_amd module. arm64 KVM is built in (arch/arm64/kvm/Kconfig: bool), so
// /sys/module/kvm proves nothing there; the kernel log says whether it found its hypervisor mode
// (src/log-catalog/arm64-kvm.ts) and /dev/kvm whether it runs: "HYP mode not available" alone proves
// there is no /dev/kvm (kvm_arm_init gives up before creating it), so a pasted log can decide.
export default defineRule({
  id: 'kvm-unavailable',
  title: 'KVM is not available (no /dev/kvm)',
  severity: 'error',
  tags: ['kvm', 'modules'],
  source: 'Guide prerequisites: a KVM/QEMU host',
  needs: ['host'],
  optional: ['kvm', 'cpu', 'logEvents'],
  messages: {
    available: 'KVM is available ({{what}}).',
    missing:
      'Neither kvm_intel nor kvm_amd is loaded and /dev/kvm does not exist: QEMU cannot use KVM, so no guest can be started with a passed-through device.',
    missingNoCpuSupport:
      'Neither kvm_intel nor kvm_amd is loaded and /dev/kvm does not exist, because the CPU reports no vmx/svm flag (see cpu-virtualization-disabled).',
    noHypMode:
      'KVM found no hypervisor mode ("HYP mode not available") and /dev/kvm does not exist: the CPUs started without EL2 (see cpu-virtualization-disabled).',
    missingArm: '/dev/kvm does not exist and the kernel log does not show KVM starting: the kernel may be built without KVM (CONFIG_KVM).',
    undecided:
      '/dev/kvm was not collected and no KVM module is listed as loaded; KVM may be built into the kernel, so only /dev/kvm can tell.',
    unsupported: 'KVM on {{machine}} hosts is not judged yet: only x86_64 and aarch64 are (/dev/kvm is not there).',
  },
  check({ kvm, host, cpu, logEvents }, r) {
    const k = kvm.state === 'known' ? kvm.value : { devKvm: null, module: null };
    const kvmRefs = kvm.state === 'known' ? kvm.evidence : [];
    const events = logEvents.state === 'known' ? logEvents.value.events : [];
    const arch = host.value.arch ?? (logShowsArm64(events) ? 'aarch64' : null);
    const ready = arch === 'aarch64' ? events.find((e) => e.fault === 'kvm-ready') : undefined;
    if (k.devKvm === true || k.module !== null || ready)
      return r.pass(
        'available',
        { what: [k.module, k.devKvm ? '/dev/kvm' : null, ready ? ready.refs[0]?.text.trim() : null].filter(Boolean).join(', ') },
        [...kvmRefs, ...(ready ? ready.refs.slice(0, 1) : [])],
        { despiteGaps: 'a loaded KVM module, /dev/kvm itself, or KVM saying it started proves KVM is there whatever else is missing' },
      );
    if (arch === 'other') return r.unknown('unsupported', { machine: host.value.machine ?? 'this architecture' }, []);
    const verifyDev = { kind: 'verify', command: 'ls -l /dev/kvm', expect: 'a character device' } as const;
    if (arch === 'aarch64') {
      const noHyp = events.find((e) => e.id === 'kvm-arm-hyp-unavailable');
      if (noHyp)
        return r.fail('noHypMode', {}, [...kvmRefs, ...noHyp.refs.slice(0, 1)], {
          summary: 'Start the kernel at EL2; KVM is built in and starts with it',
          steps: [enableCpuVirtualization(host.value), { kind: 'reboot' }, verifyDev],
        });
    }
    if (kvm.state === 'unknown') return r.unknown('undecided', {}, kvm.collect);
    if (k.devKvm === null) return r.unknown('undecided', {}, ['ls -l /dev/kvm']);
    if (arch === 'aarch64')
      return r.fail(
        'missingArm',
        {},
        [...kvmRefs, ...events.filter((e) => e.fault === 'kvm-unavailable').flatMap((e) => e.refs.slice(0, 1))],
        {
          summary: 'Boot a kernel built with KVM',
          steps: [
            { kind: 'run', command: 'dmesg | grep -i kvm', why: 'KVM says at start-up why it did not start' },
            {
              kind: 'note',
              text: 'If it says "KVM disabled from command line", remove kvm-arm.mode=none from the kernel command line; otherwise boot the distribution\'s stock arm64 kernel, or one built with CONFIG_KVM=y.',
            },
            { kind: 'reboot' },
            verifyDev,
          ],
        },
      );
    const noFlag = cpu.state === 'known' && cpu.value.virtFlag === null;
    if (noFlag)
      return r.fail('missingNoCpuSupport', {}, [...kvmRefs, cpu.value.flagsRef], {
        summary: 'Enable hardware virtualization first; the KVM module cannot load without it',
        steps: [enableCpuVirtualization(host.value), { kind: 'reboot' }, verifyDev],
      });
    return r.fail('missing', {}, kvmRefs, loadKvmModule(host.value));
  },
});
