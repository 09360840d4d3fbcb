/**
 * Passthrough from inside a virtual machine (nested assignment). The outer hypervisor must give the
 * VM a virtual IOMMU — QEMU `-device intel-iommu,intremap=on,caching-mode=on` (q35 with
 * `kernel-irqchip=split`; caching-mode lets the outer host shadow the guest's mappings for
 * devices it assigned, QEMU docs "intel-iommu") or `-device amd-iommu`; libvirt
 * `<iommu model='intel'><driver intremap='on' caching_mode='on'/></iommu>` (formatdomain
 * "IOMMU devices") — and assign the physical device to the VM first.
 *
 * An arm64 VM on QEMU's virt board gets an SMMUv3 with `-machine virt,iommu=smmuv3` (libvirt
 * `<iommu model='smmuv3'/>`) and MSI isolation from the GICv3 ITS (`gic-version=3`, the ITS is on by
 * default); assigning a physical device on through it further needs an outer QEMU whose SMMUv3
 * supports nested device assignment, which the emulated one alone does not.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { CpuVendor } from '../facts/model.js';
import type { FixStep } from './fix.js';

export function nestedPassthroughSteps(host: CpuVendor | null | HostProfile, hasIommu: boolean): FixStep[] {
  const arm = host !== null && typeof host === 'object' && host.arch === 'aarch64';
  const vendor = host !== null && typeof host === 'object' ? host.cpuVendor : host;
  const device = vendor === 'amd' ? '-device amd-iommu,intremap=on' : '-device intel-iommu,intremap=on,caching-mode=on';
  const libvirt = vendor === 'amd' ? '<iommu model="amd"/>' : '<iommu model="intel"><driver intremap="on" caching_mode="on"/></iommu>';
  const steps: FixStep[] = [];
  if (!hasIommu)
    steps.push(
      arm
        ? {
            kind: 'note',
            text: 'On the outer host: QEMU -machine virt,gic-version=3,iommu=smmuv3; libvirt <iommu model="smmuv3"/> and <gic version="3"/> in the domain XML.',
          }
        : {
            kind: 'note',
            text: `On the outer host: QEMU -machine q35,kernel-irqchip=split ${device}; libvirt ${libvirt} in the domain XML.`,
          },
      { kind: 'reboot' },
    );
  steps.push(
    {
      kind: 'note',
      text: arm
        ? 'Assign the physical device to this virtual machine on the outer host first (vfio-pci there, with an SMMUv3 model that supports device assignment); a device emulated by the outer hypervisor can be passed on, but gains nothing over emulating it in the inner guest.'
        : 'Assign the physical device to this virtual machine on the outer host first (vfio-pci there); a device emulated by the outer hypervisor can be passed on, but gains nothing over emulating it in the inner guest.',
    },
    { kind: 'verify', command: 'ls /sys/kernel/iommu_groups', expect: 'one or more groups' },
  );
  return steps;
}
