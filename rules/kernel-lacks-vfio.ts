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
  optional: ['host', 'modules'],
  messages: {
    built: 'The kernel is built with {{options}}.',
    missing: 'The running kernel is built without {{options}}: no configuration change can make it pass devices through.',
    configMismatch:
      'The kernel configuration in the bundle lacks {{options}}, yet {{module}} is loaded: the configuration file does not describe the running kernel.',
  },
  check({ kernelConfig, host, modules }, r) {
    const vendor = host.state === 'known' ? host.value.cpuVendor : null;
    const { missing, present } = missingKernelOptions(kernelConfig.value, vendor);
    if (missing.length === 0)
      return r.pass(
        'built',
        { options: present.map((o) => `${o.name}=${o.value}`).join(' ') },
        present.flatMap((o) => (o.ref ? [o.ref] : [])),
      );
    // A loaded VFIO module proves the running kernel has VFIO, whatever a stale config file says.
    const running =
      modules.state === 'known'
        ? ['vfio_pci', 'vfio'].find((m) => modules.value.loaded.includes(m) || modules.value.builtin.includes(m))
        : undefined;
    if (running)
      return r.unknown('configMismatch', { options: missing.map((o) => o.name).join(', '), module: running }, [
        'grep -E "VFIO|IOMMU" /boot/config-$(uname -r)',
      ]);
    const refs = missing.flatMap((o) => (o.ref ? [o.ref] : []));
    return r.fail(
      'missing',
      { options: missing.map((o) => o.name).join(', ') },
      refs.length > 0 ? refs : kernelConfig.evidence,
      installVfioKernel(
        host.state === 'known' ? host.value : null,
        missing.map((o) => o.name),
      ),
    );
  },
});
