import { defineRule } from '../src/engine/define-rule.js';
import { armIommuOption } from '../src/facts/kernel-config.js';
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
    // The IOMMU driver to ask for follows the architecture: VT-d/AMD-Vi on x86, the SMMU on arm64,
    // none for architectures not judged yet (their VFIO options still are).
    const arch = host.state === 'known' ? host.value.arch : null;
    const vendor = arch === 'aarch64' || arch === 'other' ? 'other' : host.state === 'known' ? host.value.cpuVendor : null;
    const base = missingKernelOptions(kernelConfig.value, vendor);
    const smmu = arch === 'aarch64' ? armIommuOption(kernelConfig.value) : null;
    const smmuBuilt = smmu !== null && smmu.value !== 'n';
    const missing = [...base.missing, ...(smmu && !smmuBuilt ? [smmu] : [])];
    const present = [...base.present, ...(smmu && smmuBuilt ? [smmu] : [])];
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
