import { defineRule } from '../src/engine/define-rule.js';
import { unsafeInterruptSettings } from '../src/facts/iommu-params.js';
import { dropUnsafeInterrupts } from '../src/fixes/interrupt-remapping.js';

// allow_unsafe_interrupts only matters where the IOMMU cannot remap interrupts
// (drivers/vfio/vfio_iommu_type1.c vfio_iommu_type1_attach_group); with remapping on it only removes a check.
export default defineRule({
  id: 'unsafe-interrupts-enabled',
  title: 'allow_unsafe_interrupts is set although interrupt remapping works',
  severity: 'warning',
  tags: ['iommu', 'interrupts', 'security'],
  source: 'Guide: GRUB_CMDLINE_LINUX="… vfio_iommu_type1.allow_unsafe_interrupts=1"',
  needs: ['interruptRemapping', 'cmdline', 'host'],
  optional: ['moduleConfig', 'bootConfig'],
  messages: {
    notSet: 'vfio_iommu_type1.allow_unsafe_interrupts is not set.',
    needed: 'allow_unsafe_interrupts is set and interrupt remapping is off: it is what lets VFIO work here (see interrupt-remapping-missing).',
    unneeded: 'Interrupt remapping works, yet {{settings}} switches off VFIO\'s interrupt-isolation check: a guest could forge MSIs if the platform ever loses remapping.',
  },
  check({ interruptRemapping, cmdline, host, moduleConfig, bootConfig }, r) {
    const sources = bootConfig.state === 'known' ? bootConfig.value.sources : [];
    const settings = unsafeInterruptSettings(cmdline.value, moduleConfig.state === 'known' ? moduleConfig.value.modprobe : [], sources);
    if (settings.length === 0)
      return r.pass('notSet', {}, [cmdline.value.ref, ...(moduleConfig.state === 'known' ? moduleConfig.evidence : [])]);
    const evidence = [...interruptRemapping.evidence, ...settings.map((s) => s.ref)];
    if (!interruptRemapping.value.enabled) return r.pass('needed', {}, evidence);
    // Severity is decided here so that host-specific exceptions (a platform that requires the
    // parameter) lower it with a stated reason in one place.
    const options = {};
    return r.fail('unneeded', { settings: [...new Set(settings.map((s) => s.raw))].join(', ') }, evidence, dropUnsafeInterrupts(host.value, settings), options);
  },
});
