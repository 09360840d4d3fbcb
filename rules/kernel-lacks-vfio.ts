import { defineRule } from '../src/engine/define-rule.js';
import { missingKernelOptions } from '../src/facts/vfio-kernel-options.js';
import { installVfioKernel } from '../src/fixes/kvm-module.js';

export default defineRule({
  id: 'kernel-lacks-vfio',
  title: 'The running kernel is built without VFIO or IOMMU support',
  severity: 'error',
  tags: ['kernel', 'vfio'],
  source: 'drivers/vfio/Kconfig, drivers/vfio/pci/Kconfig, drivers/iommu/Kconfig',
  needs: ['kernelConfig'],
  optional: ['host'],
  messages: {
    built: 'The kernel is built with {{options}}.',
    missing: 'The running kernel is built without {{options}}: no configuration change can make it pass devices through.',
  },
  check({ kernelConfig, host }, r) {
    const vendor = host.state === 'known' ? host.value.cpuVendor : null;
    const { missing, present } = missingKernelOptions(kernelConfig.value, vendor);
    if (missing.length === 0) return r.pass('built', { options: present.map((o) => `${o.name}=${o.value}`).join(' ') }, present.flatMap((o) => (o.ref ? [o.ref] : [])));
    const refs = missing.flatMap((o) => (o.ref ? [o.ref] : []));
    return r.fail('missing', { options: missing.map((o) => o.name).join(', ') }, refs.length > 0 ? refs : kernelConfig.evidence,
      installVfioKernel(host.state === 'known' ? host.value : null, missing.map((o) => o.name)));
  },
});
