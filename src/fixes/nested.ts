/**
 * Passthrough from inside a virtual machine (nested assignment). The outer hypervisor must give the
 * VM a virtual IOMMU — QEMU `-device intel-iommu,intremap=on,caching-mode=on` (q35 with
 * `kernel-irqchip=split`; caching-mode lets the outer host shadow the guest's mappings for
 * devices it assigned, QEMU docs "intel-iommu") or `-device amd-iommu`; libvirt
 * `<iommu model='intel'><driver intremap='on' caching_mode='on'/></iommu>` (formatdomain
 * "IOMMU devices") — and assign the physical device to the VM first.
 */
import type { CpuVendor } from '../facts/model.js';
import type { FixStep } from './fix.js';

export function nestedPassthroughSteps(vendor: CpuVendor | null, hasIommu: boolean): FixStep[] {
  const device = vendor === 'amd' ? '-device amd-iommu,intremap=on' : '-device intel-iommu,intremap=on,caching-mode=on';
  const libvirt = vendor === 'amd' ? '<iommu model="amd"/>' : '<iommu model="intel"><driver intremap="on" caching_mode="on"/></iommu>';
  const steps: FixStep[] = [];
  if (!hasIommu)
    steps.push(
      { kind: 'note', text: `On the outer host: QEMU -machine q35,kernel-irqchip=split ${device}; libvirt ${libvirt} in the domain XML.` },
      { kind: 'reboot' },
    );
  steps.push(
    {
      kind: 'note',
      text: 'Assign the physical device to this virtual machine on the outer host first (vfio-pci there); a device emulated by the outer hypervisor can be passed on, but gains nothing over emulating it in the inner guest.',
    },
    { kind: 'verify', command: 'ls /sys/kernel/iommu_groups', expect: 'one or more groups' },
  );
  return steps;
}
