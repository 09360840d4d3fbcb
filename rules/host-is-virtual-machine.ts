import { defineRule } from '../src/engine/define-rule.js';
import { firmwareDescribesIommu, firmwareIommuName } from '../src/facts/firmware-iommu.js';
import { nestedPassthroughSteps } from '../src/fixes/nested.js';

export default defineRule({
  id: 'host-is-virtual-machine',
  title: 'The host is itself a virtual machine',
  severity: 'info',
  tags: ['platform', 'iommu'],
  source: 'Issue catalog: hypervisor flag, DMI, systemd-detect-virt, the device tree machine model',
  needs: ['virtualization'],
  optional: ['firmwareIommu', 'host'],
  messages: {
    bareMetal: 'The host runs on bare metal.',
    withIommu:
      'This host is a virtual machine ({{hypervisor}}) and its outer hypervisor gives it a virtual IOMMU ({{table}}): it can pass through only devices the outer host assigned to it.',
    withoutIommu:
      'This host is a virtual machine ({{hypervisor}}) without a virtual IOMMU: it cannot pass devices through until the outer hypervisor adds one.',
    iommuUnknown:
      'This host is a virtual machine ({{hypervisor}}); whether the outer hypervisor gives it a virtual IOMMU is not in the bundle.',
  },
  check({ virtualization, firmwareIommu, host }, r) {
    const v = virtualization.value;
    if (!v.isVirtualMachine) return r.pass('bareMetal', {}, virtualization.evidence);
    const hypervisor = v.hypervisor ?? 'hypervisor flag set';
    const profile = host.state === 'known' ? host.value : null;
    if (firmwareIommu.state === 'unknown') return r.unknown('iommuUnknown', { hypervisor }, firmwareIommu.collect);
    const evidence = [...virtualization.evidence, ...firmwareIommu.evidence];
    if (firmwareDescribesIommu(firmwareIommu.value))
      return r.fail('withIommu', { hypervisor, table: firmwareIommuName(firmwareIommu.value) }, evidence, {
        summary: 'Pass through only devices the outer host assigned to this virtual machine',
        steps: nestedPassthroughSteps(profile, true),
      });
    return r.fail('withoutIommu', { hypervisor }, evidence, {
      summary: 'Give this virtual machine a virtual IOMMU in the outer hypervisor',
      steps: nestedPassthroughSteps(profile, false),
    });
  },
});
