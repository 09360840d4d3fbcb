/**
 * The rule catalog, in report order: platform, IOMMU, boot configuration, VFIO modules, devices,
 * memory and evidence. An explicit list: nothing scans rules/ at run time.
 */
import type { Rule } from '../src/engine/define-rule.js';
import bootGpuFramebuffer from './boot-gpu-framebuffer.js';
import bootloaderUnrecognized from './bootloader-unrecognized.js';
import cloudpodsAgentCmdlineRequirements from './cloudpods-agent-cmdline-requirements.js';
import cloudpodsAgentErrors from './cloudpods-agent-errors.js';
import cloudpodsBootVga from './cloudpods-boot-vga.js';
import cloudpodsDeviceBacksHost from './cloudpods-device-backs-host.js';
import cloudpodsDuplicateDeviceIds from './cloudpods-duplicate-device-ids.js';
import cloudpodsGpuDriverOnVmHost from './cloudpods-gpu-driver-on-vm-host.js';
import cloudpodsGroupForeignMember from './cloudpods-group-foreign-member.js';
import cloudpodsHostconfInvalidValue from './cloudpods-hostconf-invalid-value.js';
import cloudpodsHostconfUnknownKey from './cloudpods-hostconf-unknown-key.js';
import cloudpodsHugepagesNativeUnreserved from './cloudpods-hugepages-native-unreserved.js';
import cloudpodsUsbDisabled from './cloudpods-usb-disabled.js';
import cloudpodsVmVfioOpenFailed from './cloudpods-vm-vfio-open-failed.js';
import cpuVirtualizationDisabled from './cpu-virtualization-disabled.js';
import deviceHostDriver from './device-host-driver.js';
import deviceNotBound from './device-not-bound.js';
import deviceNotFound from './device-not-found.js';
import deviceConfigUnreadable from './device-config-unreadable.js';
import deviceResetFailure from './device-reset-failure.js';
import dmesgTruncated from './dmesg-truncated.js';
import evidenceIncomplete from './evidence-incomplete.js';
import gpuHostDriverLoaded from './gpu-host-driver-loaded.js';
import groupNotViable from './group-not-viable.js';
import grubNotRegenerated from './grub-not-regenerated.js';
import grubWrongConfigPath from './grub-wrong-config-path.js';
import hostIsVirtualMachine from './host-is-virtual-machine.js';
import hugepagesNotConfigured from './hugepages-not-configured.js';
import hugepagesShort from './hugepages-short.js';
import interruptRemappingMissing from './interrupt-remapping-missing.js';
import inventoryCut from './inventory-cut.js';
import iommuCmdlineInvalid from './iommu-cmdline-invalid.js';
import iommuAddressWidthExceeded from './iommu-address-width-exceeded.js';
import iommuFaults from './iommu-faults.js';
import iommuFirmwareDisabled from './iommu-firmware-disabled.js';
import iommuGroupsInconsistent from './iommu-groups-inconsistent.js';
import iommuKernelDisabled from './iommu-kernel-disabled.js';
import logLinesUnexplained from './log-lines-unexplained.js';
import moduleParameterRejected from './module-parameter-rejected.js';
import iommuPassthroughMode from './iommu-passthrough-mode.js';
import kernelLacksVfio from './kernel-lacks-vfio.js';
import kvmUnavailable from './kvm-unavailable.js';
import pciDeviceNotBehindIommu from './pci-device-not-behind-iommu.js';
import passthroughOfHostStorage from './passthrough-of-host-storage.js';
import rebootPending from './reboot-pending.js';
import rmrrConflict from './rmrr-conflict.js';
import sriovEnableFailed from './sriov-enable-failed.js';
import sriovVfsNotCreated from './sriov-vfs-not-created.js';
import unsafeInterruptsEnabled from './unsafe-interrupts-enabled.js';
import vmVfioError from './vm-vfio-error.js';
import vfioIdsCaptureTwin from './vfio-ids-capture-twin.js';
import vfioMemlockLimit from './vfio-memlock-limit.js';
import vfioModulesMissing from './vfio-modules-missing.js';
import vfioModulesNotPersistent from './vfio-modules-not-persistent.js';
import vfioProbeFailed from './vfio-probe-failed.js';
import vfioNoiommuMode from './vfio-noiommu-mode.js';
import vfioVirqfdObsolete from './vfio-virqfd-obsolete.js';

export const builtinRules: readonly Rule[] = [
  cpuVirtualizationDisabled,
  kvmUnavailable,
  hostIsVirtualMachine,
  kernelLacksVfio,
  iommuFirmwareDisabled,
  iommuKernelDisabled,
  iommuCmdlineInvalid,
  iommuPassthroughMode,
  interruptRemappingMissing,
  unsafeInterruptsEnabled,
  vfioNoiommuMode,
  iommuFaults,
  iommuAddressWidthExceeded,
  rmrrConflict,
  iommuGroupsInconsistent,
  grubNotRegenerated,
  grubWrongConfigPath,
  rebootPending,
  bootloaderUnrecognized,
  vfioModulesMissing,
  vfioModulesNotPersistent,
  vfioVirqfdObsolete,
  moduleParameterRejected,
  deviceHostDriver,
  deviceNotFound,
  deviceConfigUnreadable,
  deviceNotBound,
  groupNotViable,
  pciDeviceNotBehindIommu,
  gpuHostDriverLoaded,
  bootGpuFramebuffer,
  deviceResetFailure,
  vfioProbeFailed,
  vfioMemlockLimit,
  vmVfioError,
  passthroughOfHostStorage,
  vfioIdsCaptureTwin,
  sriovEnableFailed,
  sriovVfsNotCreated,
  hugepagesNotConfigured,
  hugepagesShort,
  evidenceIncomplete,
  inventoryCut,
  dmesgTruncated,
  logLinesUnexplained,
  // Cloudpods host service (findings tagged `cloudpods`)
  cloudpodsHostconfUnknownKey,
  cloudpodsAgentCmdlineRequirements,
  cloudpodsHugepagesNativeUnreserved,
  cloudpodsGroupForeignMember,
  cloudpodsHostconfInvalidValue,
  cloudpodsGpuDriverOnVmHost,
  cloudpodsDuplicateDeviceIds,
  cloudpodsDeviceBacksHost,
  cloudpodsBootVga,
  cloudpodsAgentErrors,
  cloudpodsVmVfioOpenFailed,
  cloudpodsUsbDisabled,
];
