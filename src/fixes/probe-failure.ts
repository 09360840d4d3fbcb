/**
 * What a failed vfio-pci probe means, per errno, and the fix for each. Where vfio-pci returns
 * them (Linux 6.1–6.12):
 * - -EINVAL (-22): drivers/vfio/group.c `vfio_group_find_or_alloc()` when the device has no IOMMU
 *   group (IOMMU off or not covering the device); drivers/vfio/pci/vfio_pci_core.c
 *   `vfio_pci_core_register_device()` for a non-type-0 header (a bridge); drivers/vfio/pci/vfio_pci.c
 *   `vfio_pci_probe()` for a denylisted device (Intel QAT, "exists in vfio-pci device denylist").
 *   On arm64 a device with no group may also be one the SMMUv3 refused: its stream ID (a DMA alias:
 *   every device behind a PCIe-to-PCI bridge uses the bridge's requester ID) already belongs to
 *   another device, "stream %u already in tree from dev %s" (drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3.c
 *   arm_smmu_insert_master; samples/lab-arm64-bridge-alias-acpi).
 * - -EBUSY (-16): `vfio_pci_core_register_device()` on a PF with VFs enabled ("Cannot bind to PF
 *   with SR-IOV enabled").
 * - -ENOMEM (-12): allocation failure.
 * -ENODEV and -ENXIO are never logged as "failed": drivers/base/dd.c `call_driver_probe()` sends
 * them to pr_debug ("rejects match").
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { CpuVendor, KernelParam } from '../facts/model.js';
import type { Fix } from './fix.js';
import { enableIommuInFirmware } from './firmware.js';
import { iommuOffParams } from '../facts/iommu-params.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { changeKernelParams } from './kernel-params.js';
import { sh } from './shell.js';

export type ProbeCause = 'no-iommu-group' | 'stream-alias' | 'bridge' | 'denylisted' | 'sriov-enabled' | 'no-memory' | 'other';

export function errnoName(errno: number): string {
  return (
    ({ [-22]: 'EINVAL', [-16]: 'EBUSY', [-12]: 'ENOMEM', [-19]: 'ENODEV', [-5]: 'EIO', [-1]: 'EPERM' } as Record<number, string>)[errno] ??
    `errno ${errno}`
  );
}

export function probeFix(
  cause: ProbeCause,
  host: HostProfile,
  address: string,
  iommu: { firmwareTable: boolean | null; params: readonly KernelParam[] },
): Fix {
  if (!isIdentifier('pci-address', address))
    return {
      summary: 'Look at the failing device by hand',
      steps: [rejectedNote('pci-address', address, 'Read its lines in the kernel log.')],
    };
  const verify = { kind: 'verify', command: sh`lspci -nnk -s ${address}`.shell, expect: 'Kernel driver in use: vfio-pci' } as const;
  switch (cause) {
    case 'no-iommu-group': {
      if (iommu.firmwareTable === false)
        return {
          summary: 'Enable the IOMMU in the firmware setup',
          steps: [enableIommuInFirmware(host, null), { kind: 'reboot' }, verify],
        };
      if (host.arch === 'aarch64')
        return {
          summary: 'Find out why the SMMU does not cover the device',
          steps: [
            {
              kind: 'run',
              command: 'ls /sys/class/iommu/*/devices; dmesg | grep -i smmu',
              why: 'the devices each SMMU took, and what the SMMU driver said',
            },
            {
              kind: 'note',
              text: `The Arm kernel has no parameter that puts a device behind the SMMU: the firmware maps each PCIe root complex to it (an IORT ID mapping, or iommu-map in the device tree). If ${address} is not listed, update the firmware or use a slot whose root complex it maps; if no SMMU is listed at all, enable "SMMU" in the firmware setup.`,
            },
            verify,
          ],
        };
      const off = iommuOffParams(iommu.params).map((p) => p.raw);
      return changeKernelParams(host, { add: addFor(host.cpuVendor), remove: off }, 'Turn the IOMMU on so the device gets an IOMMU group');
    }
    case 'stream-alias':
      return {
        summary: 'Give the device a requester ID of its own: move it out from behind the PCI bridge',
        steps: [
          {
            kind: 'note',
            text: `The SMMUv3 refused ${address} because its stream ID already belongs to another device: devices behind a conventional PCI (PCIe-to-PCI) bridge all use the bridge's requester ID. Put the card in a slot on a PCIe root port of its own; in a virtual machine, attach it to a pcie-root-port instead of a pci-bridge (QEMU -device pcie-root-port, libvirt <controller type="pci" model="pcie-root-port"/>).`,
          },
          { kind: 'reboot' },
          {
            kind: 'verify',
            command: sh`readlink /sys/bus/pci/devices/${address}/iommu_group`.shell,
            expect: 'a path ending in an IOMMU group number',
          },
          verify,
        ],
      };
    case 'bridge':
      return {
        summary: 'Pass the devices behind the bridge, not the bridge',
        steps: [
          {
            kind: 'note',
            text: `${address} is a bridge: vfio-pci takes endpoints (header type 0) only. Name the devices behind it instead.`,
          },
          verify,
        ],
      };
    case 'denylisted':
      return {
        summary: "The device is on vfio-pci's denylist",
        steps: [
          {
            kind: 'note',
            text: "vfio-pci refuses this device because of known errata; use its SR-IOV VFs or the vendor's driver. vfio-pci.disable_denylist=1 overrides the list at the cost of the stability and security problems it guards against.",
          },
        ],
      };
    case 'sriov-enabled':
      return {
        summary: 'Disable the VFs before binding the PF',
        steps: [
          {
            kind: 'run',
            command: sh`echo 0 > /sys/bus/pci/devices/${address}/sriov_numvfs`.shell,
            why: 'vfio-pci does not bind a PF while it has VFs',
          },
          verify,
        ],
      };
    case 'no-memory':
    case 'other':
      return {
        summary: 'Read the kernel log around the failure',
        steps: [{ kind: 'run', command: sh`dmesg | grep -F ${address}`.shell, why: 'the lines before the failure name the cause' }, verify],
      };
    default: {
      const never: never = cause;
      return never;
    }
  }
}

function addFor(vendor: CpuVendor | null): string[] {
  return vendor === 'intel' ? ['intel_iommu=on'] : [];
}
