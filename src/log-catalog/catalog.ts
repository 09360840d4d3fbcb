/**
 * The log-message catalogue: every entry, in a fixed order (kernel IOMMU, PCI, vfio, drivers,
 * parameters, then the VMM and the host service). Ids are unique across the list.
 */
import { AMD_IOMMU } from './amd-iommu.js';
import { ARM_GIC } from './arm-gic.js';
import { ARM_SMMU } from './arm-smmu.js';
import { ARM64_KVM } from './arm64-kvm.js';
import { X86_KVM } from './x86-kvm.js';
import { PCI_PROBE } from './pci-probe.js';
import { CLOUDPODS_HOST } from './cloudpods-host.js';
import { CLOUDPODS_ISOLATED_DEVICE } from './cloudpods-isolated-device.js';
import { CLOUDPODS_VFIO_BIND } from './cloudpods-vfio-bind.js';
import { DPDK_MESSAGES } from './dpdk.js';
import { DRIVER_CORE } from './driver-core.js';
import type { LogCatalogEntry } from './entry.js';
import { NIC_DRIVERS } from './gpu-nic-drivers.js';
import { HUGETLB_MESSAGES } from './hugetlb.js';
import { INTEL_DMAR } from './intel-dmar.js';
import { INTEL_IOMMU } from './intel-iommu.js';
import { INTEL_IRQ_REMAPPING } from './intel-irq-remapping.js';
import { IOMMU_CORE } from './iommu-core.js';
import { LIBVIRT_MESSAGES } from './libvirt.js';
import { MODULE_PARAMS } from './module-params.js';
import { PCI_ACS } from './pci-acs.js';
import { PCI_AER } from './pci-aer.js';
import { PCI_RESET_POWER } from './pci-reset-power.js';
import { PCI_RESOURCES } from './pci-resources.js';
import { PCI_SRIOV } from './pci-sriov.js';
import { QEMU_VFIO } from './qemu-vfio.js';
import { VENDOR_RESET_MESSAGES } from './vendor-reset.js';
import { VFIO } from './vfio.js';
import { X86_APIC } from './x86-apic.js';

export const LOG_CATALOG: readonly LogCatalogEntry[] = [
  ...INTEL_IOMMU,
  ...INTEL_DMAR,
  ...INTEL_IRQ_REMAPPING,
  ...AMD_IOMMU,
  ...ARM_SMMU,
  ...ARM_GIC,
  ...ARM64_KVM,
  ...X86_KVM,
  ...PCI_PROBE,
  ...IOMMU_CORE,
  ...X86_APIC,
  ...PCI_ACS,
  ...PCI_RESOURCES,
  ...PCI_SRIOV,
  ...PCI_RESET_POWER,
  ...PCI_AER,
  ...DRIVER_CORE,
  ...VFIO,
  ...NIC_DRIVERS,
  ...MODULE_PARAMS,
  ...HUGETLB_MESSAGES,
  ...VENDOR_RESET_MESSAGES,
  ...QEMU_VFIO,
  ...LIBVIRT_MESSAGES,
  ...DPDK_MESSAGES,
  ...CLOUDPODS_HOST,
  ...CLOUDPODS_ISOLATED_DEVICE,
  ...CLOUDPODS_VFIO_BIND,
];
