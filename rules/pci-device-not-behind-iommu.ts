import { defineRule } from '../src/engine/define-rule.js';
import { deviceByAddress } from '../src/facts/pci.js';
import { notBehindIommuFix } from '../src/fixes/log-fault-fixes.js';

// An IOMMU translates only the devices the firmware places behind it (ACPI DMAR/IVRS/IORT, or a
// device tree's iommus/iommu-map): a device outside them gets no IOMMU group, and VFIO cannot take it
// (vfio-pci's probe fails with -EINVAL: drivers/vfio/vfio_main.c vfio_group_find_or_alloc).
export default defineRule({
  id: 'pci-device-not-behind-iommu',
  title: 'The IOMMU is on, but the device is not behind it',
  severity: 'error',
  tags: ['device', 'iommu', 'group'],
  source: 'Kernel: a device with no iommu_group while groups exist; vfio-pci probe -22',
  needs: ['targets', 'pci', 'kernelIommu', 'host'],
  messages: {
    grouped: '{{address}} is in IOMMU group {{group}}.',
    outside:
      'The IOMMU is at work ({{groups}} group(s)) but {{address}} is in none: the firmware does not place it behind an IOMMU, so VFIO cannot take it.',
    noIommu: 'No IOMMU is at work, so no device has a group (see iommu-kernel-disabled and iommu-firmware-disabled).',
  },
  check({ targets, pci, kernelIommu, host }, r) {
    if (!kernelIommu.value.active) return r.skip('noIommu', {});
    const byAddress = deviceByAddress(pci.value);
    return targets.value.devices.flatMap((t) => {
      const dev = byAddress.get(t.address);
      if (!dev) return [];
      if (dev.group !== null) return [r.pass('grouped', { address: dev.address, group: dev.group }, dev.refs, { device: dev.address })];
      return [
        r.fail(
          'outside',
          { address: dev.address, groups: kernelIommu.value.groupCount },
          [...dev.refs, ...kernelIommu.evidence],
          notBehindIommuFix(host.value, dev.address),
          { device: dev.address },
        ),
      ];
    });
  },
});
