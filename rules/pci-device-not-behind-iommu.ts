import { defineRule } from '../src/engine/define-rule.js';
import { eventsOf } from '../src/facts/log-events.js';
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
  optional: ['logEvents'],
  messages: {
    grouped: '{{address}} is in IOMMU group {{group}}.',
    refused:
      '{{address}} is behind the IOMMU, whose driver refused it ("{{line}}"), so it has no group: vfio-probe-failed says why and what to do.',
    outside:
      'The IOMMU is at work ({{groups}} group(s)) but {{address}} is in none: the firmware does not place it behind an IOMMU, so VFIO cannot take it.',
    noIommu: 'No IOMMU is at work, so no device has a group (see iommu-kernel-disabled and iommu-firmware-disabled).',
  },
  check({ targets, pci, kernelIommu, host, logEvents }, r) {
    if (!kernelIommu.value.active) return r.skip('noIommu', {});
    const byAddress = deviceByAddress(pci.value);
    return targets.value.devices.flatMap((t) => {
      const dev = byAddress.get(t.address);
      if (!dev) return [];
      if (dev.group !== null) return [r.pass('grouped', { address: dev.address, group: dev.group }, dev.refs, { device: dev.address })];
      // The IOMMU driver saw the device and refused it (an SMMU stream ID already taken, a failed group
      // add): it is behind the IOMMU, and the refusal is the fault.
      const refusal =
        logEvents.state === 'known'
          ? eventsOf(logEvents.value, ['vfio-no-iommu-group'], dev.address).find((e) => e.origin === 'kernel')
          : undefined;
      if (refusal)
        return [
          r.pass('refused', { address: dev.address, line: refusal.refs[0]?.text ?? refusal.id }, [...refusal.refs], {
            device: dev.address,
          }),
        ];
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
