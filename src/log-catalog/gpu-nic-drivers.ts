/**
 * SR-IOV and module-parameter paths of the common NIC drivers: Intel ixgbe, igb, i40e, ice;
 * Mellanox mlx5_core (mlx5_core_warn/err prefix `%s:%d:(pid %d): ` with the function and line);
 * Broadcom bnxt_en. netdev_printk lines read `<driver> <device> <netdev>: `, or
 * `<driver> <device> (unnamed net_device) (uninitialized): ` before the netdev is registered.
 * GPU drivers: the passthrough-relevant GPU messages are the PCI core's (BAR reservation, power
 * state, reset) and vendor-reset's; amdgpu and nouveau print none of their own worth cataloguing.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];

export const NIC_DRIVERS: readonly LogCatalogEntry[] = [
  {
    id: 'ixgbe-sriov-enable-failed',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/ixgbe/ixgbe_sriov.c',
    format: 'Failed to enable PCI sriov: %d\n',
    prefix: 'ixgbe <device>[ <netdev>]: ',
    needle: 'Failed to enable PCI sriov: ',
    pattern:
      /^ixgbe (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])(?: (?:[\w.:-]{1,64}|\(unnamed net_device\))(?: \(uninitialized\))?)?: Failed to enable PCI sriov: (?<errno>-?\d+)$/,
    fault: 'sriov-enable-failed',
    level: 'error',
    meaning: 'ixgbe could not enable its VFs (pci_enable_sriov failed, e.g. -12 for missing VF BAR space).',
    verifiedIn: BOTH,
  },
  {
    id: 'ixgbe-max-vfs-out-of-range',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/ixgbe/ixgbe_main.c',
    format: 'max_vfs parameter out of range. Not assigning any SR-IOV VFs\n',
    prefix: 'ixgbe <device>: ',
    needle: 'max_vfs parameter out of range',
    pattern: /^ixgbe (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): max_vfs parameter out of range\. Not assigning any SR-IOV VFs$/,
    fault: 'module-param-rejected',
    level: 'warning',
    meaning: 'ixgbe.max_vfs is above what the port supports, so no VFs are created.',
    verifiedIn: BOTH,
  },
  {
    id: 'igb-max-vfs-clamped',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/igb/igb_main.c',
    format: 'Maximum of 7 VFs per PF, using max\n',
    prefix: 'igb <device>: ',
    needle: 'Maximum of 7 VFs per PF, using max',
    pattern: /^igb (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Maximum of 7 VFs per PF, using max$/,
    fault: 'module-param-rejected',
    level: 'warning',
    meaning: 'igb.max_vfs asked for more than 7 VFs; the driver uses 7.',
    verifiedIn: BOTH,
  },
  {
    id: 'i40e-sriov-enable-failed',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/i40e/i40e_virtchnl_pf.c',
    format: 'Failed to enable SR-IOV: %d\n',
    prefix: 'i40e <device>: ',
    needle: 'Failed to enable SR-IOV: ',
    pattern: /^i40e (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Failed to enable SR-IOV: (?<errno>-?\d+)$/,
    fault: 'sriov-enable-failed',
    level: 'warning',
    meaning: 'i40e could not enable its VFs.',
    verifiedIn: BOTH,
  },
  {
    id: 'i40e-vfs-limited',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/i40e/i40e_virtchnl_pf.c',
    format: 'Unable to enable %d VFs. Limited to %d VFs due to device resource constraints.\n',
    prefix: 'i40e <device>: ',
    needle: ' VFs due to device resource constraints',
    pattern:
      /^i40e (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Unable to enable (?<vfs>\d+) VFs\. Limited to \d+ VFs due to device resource constraints\.$/,
    fault: 'sriov-enable-failed',
    level: 'warning',
    meaning: 'The requested VF count is above what the i40e port can provide.',
    verifiedIn: BOTH,
  },
  {
    id: 'ice-sriov-enable-failed',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/ice/ice_sriov.c',
    format: 'Failed to enable SR-IOV: %d\n',
    prefix: 'ice <device>: ',
    needle: 'Failed to enable SR-IOV: ',
    pattern: /^ice (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Failed to enable SR-IOV: (?<errno>-?\d+)$/,
    fault: 'sriov-enable-failed',
    level: 'error',
    meaning: 'ice could not enable its VFs.',
    verifiedIn: BOTH,
  },
  {
    id: 'ice-vfs-no-resources',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/ice/ice_sriov.c',
    format: 'Not enough resources for %d VFs, err %d. Try with fewer number of VFs\n',
    prefix: 'ice <device>: ',
    needle: 'Try with fewer number of VFs',
    pattern:
      /^ice (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Not enough resources for (?<vfs>\d+) VFs, err (?<errno>-?\d+)\. Try with fewer number of VFs$/,
    fault: 'sriov-enable-failed',
    level: 'error',
    meaning: 'The ice port lacks queues or interrupts for this many VFs.',
    verifiedIn: BOTH,
  },
  {
    id: 'ice-vfs-above-max',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/intel/ice/ice_sriov.c',
    format: "Can't enable %d VFs, max VFs supported is %d\n",
    prefix: 'ice <device>: ',
    needle: ' VFs, max VFs supported is ',
    pattern: /^ice (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): Can't enable (?<vfs>\d+) VFs, max VFs supported is \d+$/,
    fault: 'sriov-enable-failed',
    level: 'error',
    meaning: 'The requested VF count is above what the ice port supports.',
    verifiedIn: BOTH,
  },
  {
    id: 'mlx5-sriov-enable-failed',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/mellanox/mlx5/core/sriov.c',
    format: 'pci_enable_sriov failed : %d\n',
    prefix: 'mlx5_core <device>: <function>:<line>:(pid <pid>): ',
    needle: 'pci_enable_sriov failed : ',
    pattern:
      /^mlx5_core (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): \w+:\d+:\(pid \d+\): pci_enable_sriov failed : (?<errno>-?\d+)$/,
    fault: 'sriov-enable-failed',
    level: 'warning',
    meaning: 'mlx5 could not enable its VFs (firmware SRIOV_EN/NUM_OF_VFS, or missing VF BAR space).',
    verifiedIn: BOTH,
  },
  {
    // ENABLE_HCA on a VF is the case the Cloudpods SR-IOV guide names (ACS, ARI or IOMMU off in the firmware).
    id: 'mlx5-command-timeout',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/mellanox/mlx5/core/cmd.c',
    format: '%s(0x%x) timeout. Will cause a leak of a command resource\n',
    prefix: 'mlx5_core <device>: <function>:<line>:(pid <pid>): ',
    needle: 'timeout. Will cause a leak of a command resource',
    pattern:
      /^mlx5_core (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7]): \w+:\d+:\(pid \d+\): (?<value>[A-Z\d_]+)\(0x[\da-f]+\) timeout\. Will cause a leak of a command resource$/,
    fault: 'device-unresponsive',
    level: 'warning',
    meaning: 'The mlx5 firmware never answered the command in value; for ENABLE_HCA on a VF the VF does not come up.',
    verifiedIn: BOTH,
  },
  {
    id: 'bnxt-sriov-no-resources',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/broadcom/bnxt/bnxt_sriov.c',
    format: 'Unable to reserve resources for SRIOV.\n',
    prefix: 'bnxt_en <device> <netdev>: ',
    needle: 'Unable to reserve resources for SRIOV.',
    pattern:
      /^bnxt_en (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])(?: (?:[\w.:-]{1,64}|\(unnamed net_device\))(?: \(uninitialized\))?)?: Unable to reserve resources for SRIOV\.$/,
    fault: 'sriov-enable-failed',
    level: 'warning',
    meaning: 'The bnxt firmware gave no resources for VFs, so none are enabled.',
    verifiedIn: BOTH,
  },
  {
    id: 'bnxt-sriov-partial-resources',
    origin: 'kernel',
    sourceFile: 'drivers/net/ethernet/broadcom/bnxt/bnxt_sriov.c',
    format: 'Only able to reserve resources for %d VFs.\n',
    prefix: 'bnxt_en <device> <netdev>: ',
    needle: 'Only able to reserve resources for ',
    pattern:
      /^bnxt_en (?<device>[\da-f]{4,8}:[\da-f]{2}:[\da-f]{2}\.[0-7])(?: (?:[\w.:-]{1,64}|\(unnamed net_device\))(?: \(uninitialized\))?)?: Only able to reserve resources for (?<vfs>\d+) VFs\.$/,
    fault: 'sriov-enable-failed',
    level: 'warning',
    meaning: 'The bnxt firmware had resources for fewer VFs than requested.',
    verifiedIn: BOTH,
  },
];
