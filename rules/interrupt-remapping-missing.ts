import { defineRule } from '../src/engine/define-rule.js';
import { unsafeInterruptSettings } from '../src/facts/iommu-params.js';
import { enableInterruptRemapping } from '../src/fixes/interrupt-remapping.js';

// VFIO's type1 backend refuses a group without interrupt remapping (drivers/vfio/vfio_iommu_type1.c
// vfio_iommu_type1_attach_group): "No interrupt remapping support.  Use the module param
// \"allow_unsafe_interrupts\" to enable VFIO IOMMU support on this platform" and -EPERM. On arm64 the
// same check asks for isolated MSIs, which the GICv3 ITS gives (src/facts/interrupt-remapping.ts).
export default defineRule({
  id: 'interrupt-remapping-missing',
  title: 'The IOMMU runs without interrupt remapping (arm64: without MSI isolation by a GICv3 ITS)',
  severity: 'error',
  tags: ['iommu', 'interrupts', 'firmware'],
  source: 'Kernel: vfio_iommu_type1 "No interrupt remapping support"',
  needs: ['interruptRemapping', 'host'],
  optional: ['kernelIommu', 'cmdline', 'moduleConfig', 'virtualization'],
  messages: {
    enabled: 'Interrupt remapping is enabled.',
    msiIsolated: 'A GICv3 ITS isolates MSIs (the arm64 counterpart of interrupt remapping).',
    noIommu: 'No IOMMU is active; interrupt remapping is judged once it is.',
    missing: 'The IOMMU is active but interrupt remapping is not: VFIO refuses to attach devices ("No interrupt remapping support").',
    msiNotIsolated:
      'The SMMU is active but MSIs are not isolated (no GICv3 ITS): VFIO refuses to attach devices ("No interrupt remapping support").',
    missingButAllowed: '{{what}} is not enabled; {{setting}} lets VFIO attach devices anyway, without protection against forged MSIs.',
    unsupported: 'Interrupt isolation on {{machine}} hosts is not supported yet: only x86_64 and aarch64 are judged.',
  },
  check({ interruptRemapping, kernelIommu, host, cmdline, moduleConfig, virtualization }, r) {
    const ir = interruptRemapping.value;
    const arm = host.value.arch === 'aarch64';
    if (host.value.arch === 'other') return r.unknown('unsupported', { machine: host.value.machine ?? 'this architecture' }, []);
    if (ir.enabled) return r.pass(arm ? 'msiIsolated' : 'enabled', {}, interruptRemapping.evidence);
    // A line that says remapping is off (a firmware bug, a refusal) is proof on its own; its mere
    // absence counts only where the IOMMU is at work (a log whole enough to show the absence also
    // shows whether the IOMMU is).
    if (ir.provenBy === 'absence' && kernelIommu.state === 'known' && !kernelIommu.value.active) return r.skip('noIommu', {});
    const evidence = [
      ...interruptRemapping.evidence,
      ...(kernelIommu.state === 'known' ? kernelIommu.evidence : []),
      ...(cmdline.state === 'known' ? [cmdline.value.ref] : []),
    ];
    const inVm = virtualization.state === 'known' && virtualization.value.isVirtualMachine;
    const firmware = enableInterruptRemapping(host.value, inVm);
    const unsafe = unsafeInterruptSettings(
      cmdline.state === 'known' ? cmdline.value : { params: [], ref: interruptRemapping.evidence[0]! },
      moduleConfig.state === 'known' ? moduleConfig.value.modprobe : [],
      [],
    );
    const first = unsafe[0];
    if (first)
      return r.fail(
        'missingButAllowed',
        { what: arm ? 'MSI isolation (a GICv3 ITS)' : 'Interrupt remapping', setting: first.raw },
        [...evidence, first.ref],
        firmware,
        {
          severity: 'info',
          severityReason: 'allow_unsafe_interrupts is set, so VFIO attaches devices; what remains is the isolation loss',
        },
      );
    return r.fail(arm ? 'msiNotIsolated' : 'missing', {}, evidence, firmware);
  },
});
