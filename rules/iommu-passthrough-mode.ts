import { defineRule } from '../src/engine/define-rule.js';
import { paramValue } from '../src/facts/cmdline.js';
import { kernelBoolTrue } from '../src/facts/iommu-params.js';
import { changeKernelParams } from '../src/fixes/kernel-params.js';

// drivers/iommu/iommu.c iommu_subsys_init prints "iommu: Default domain type: Passthrough|Translated"
// (samples/lab-intel-healthy vs samples/lab-intel-default-on); iommu=pt is arch/x86/kernel/pci-dma.c
// iommu_setup, iommu.passthrough=1 the generic form (drivers/iommu/iommu.c early_param), the only one
// other architectures have: arm64 knows no iommu= (samples/lab-arm64-passthrough-acpi).
export default defineRule({
  id: 'iommu-passthrough-mode',
  title: 'Host DMA is translated by the IOMMU (no passthrough mode for host devices)',
  severity: 'info',
  tags: ['iommu', 'cmdline', 'performance'],
  source: 'FAQ "How to enable IOMMU in the kernel (intel_iommu=on)?" (the guide adds iommu=pt)',
  needs: ['cmdline', 'host'],
  optional: ['logEvents', 'kernelIommu'],
  messages: {
    passthrough: 'Host devices use identity (passthrough) DMA mappings.',
    translated:
      "{{param}} is not set: the host's own devices have their DMA translated by the IOMMU (safer, slightly slower); assigned devices are unaffected.",
    noIommu: 'No IOMMU is active, so the host DMA mode does not apply.',
    iommuUnknown:
      '{{param}} is not set, but whether an IOMMU translates the host DMA at all is not known (no IOMMU units, groups or default-domain line in the evidence).',
  },
  check({ cmdline, host, logEvents, kernelIommu }, r) {
    if (kernelIommu.state === 'known' && !kernelIommu.value.active) return r.skip('noIommu', {});
    // "iommu: Default domain type: Passthrough (set via kernel command line)" (drivers/iommu/iommu.c)
    const domain = logEvents.state === 'known' ? logEvents.value.events.find((e) => e.fault === 'default-domain') : undefined;
    const ref = domain ? domain.refs.slice(0, 1) : [];
    if (domain?.value === 'Passthrough')
      return r.pass('passthrough', {}, ref, { despiteGaps: 'the kernel printed the default domain type' });
    const x86 = host.value.arch === 'x86_64' || host.value.arch === null || host.value.arch === undefined;
    const pt = x86 ? paramValue(cmdline.value.params, 'iommu') : undefined;
    const generic = paramValue(cmdline.value.params, 'iommu.passthrough');
    if (!domain && ((pt?.value ?? '').split(',').includes('pt') || (generic && kernelBoolTrue(generic.value))))
      return r.pass('passthrough', {}, [cmdline.value.ref]);
    const param = x86 ? 'iommu=pt' : 'iommu.passthrough=1';
    // "Translated" is proven by the kernel's own line or by an IOMMU at work; a command line alone proves neither.
    if (!domain && !(kernelIommu.state === 'known' && kernelIommu.value.active))
      return r.unknown('iommuUnknown', { param }, ['ls /sys/class/iommu', 'sudo dmesg | grep -i "default domain"']);
    return r.fail('translated', { param }, [cmdline.value.ref, ...ref], {
      ...changeKernelParams(host.value, { add: [param], remove: [] }, 'Use passthrough DMA mappings for host devices'),
      caveats: [
        `Optional: ${param} trades the IOMMU's protection of the host against its own devices for less DMA mapping overhead; leave it out where host-side DMA isolation matters (untrusted Thunderbolt/external devices).`,
      ],
    });
  },
});
