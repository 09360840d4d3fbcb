/**
 * Fixes for faults a log line proves: SR-IOV VFs the kernel would not create, module parameters it
 * rejected, VFIO's locked-memory limit, and the VMM's VFIO errors. Every value from the bundle goes
 * through `sh` (src/fixes/shell.ts) or is checked by src/fixes/identifiers.ts first.
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { changeKernelParams } from './kernel-params.js';
import { sh } from './shell.js';

/** Why the kernel or the PF driver refused to create VFs, from the catalogue entry that said so. */
export type SriovCause = 'resources' | 'bus-numbers' | 'no-driver' | 'driver-unsupported' | 'firmware-off' | 'limit' | 'busy';

export function sriovCause(entryId: string, errno: string | null): SriovCause {
  switch (entryId) {
    case 'sriov-no-mmio-resources':
    case 'sriov-iov-bars-unallocated':
    case 'sriov-pcibios-failed':
    case 'bnxt-sriov-no-resources':
    case 'bnxt-sriov-partial-resources':
    case 'ice-vfs-no-resources':
      return 'resources';
    case 'sriov-bus-out-of-range':
      return 'bus-numbers';
    case 'sriov-no-driver':
      return 'no-driver';
    case 'sriov-driver-unsupported':
      return 'driver-unsupported';
    case 'i40e-vfs-limited':
    case 'ice-vfs-above-max':
    case 'sriov-partially-enabled':
      return 'limit';
    case 'sriov-already-enabled':
    case 'sriov-vfs-assigned':
      return 'busy';
    default:
      // pci_enable_sriov's own errors through the driver: -12 (ENOMEM) is resources; -38 (ENOSYS)
      // and -22 (EINVAL) come from a device whose SR-IOV capability the firmware left off.
      return errno === '-12' ? 'resources' : 'firmware-off';
  }
}

export function sriovEnableFix(host: HostProfile, pf: string | null, cause: SriovCause): Fix {
  const addressOk = pf !== null && isIdentifier('pci-address', pf);
  const verify: FixStep = addressOk
    ? { kind: 'verify', command: sh`cat /sys/bus/pci/devices/${pf}/sriov_numvfs`.shell, expect: 'the number of VFs asked for (not 0)' }
    : { kind: 'verify', command: 'lspci -nn | grep -i "virtual function"', expect: 'the virtual functions listed' };
  const refused = pf !== null && !addressOk ? [rejectedNote('pci-address', pf, 'Find the physical function by hand.')] : [];
  switch (cause) {
    case 'resources': {
      const params = changeKernelParams(host, { add: ['pci=realloc'], remove: [] }, 'Let the kernel reassign PCI memory windows');
      return {
        summary: 'Give the physical function room for its VF BARs',
        steps: [
          ...refused,
          {
            kind: 'firmware',
            setting:
              'enable "SR-IOV Support" and "Above 4G Decoding" (also called "MMIO above 4G" / "64-bit MMIO"); on servers, raise the MMIO high size if offered',
          },
          ...params.steps.filter((s) => s.kind !== 'verify'),
          verify,
        ],
        caveats: [
          'The firmware sizes the bridge windows at boot; the kernel can only move them with pci=realloc (Documentation/admin-guide/kernel-parameters.txt, pci=realloc).',
          ...(params.caveats ?? []),
        ],
      };
    }
    case 'bus-numbers': {
      const params = changeKernelParams(host, { add: ['pci=assign-busses'], remove: [] }, 'Let the kernel number the PCI buses');
      return {
        summary: 'Make bus numbers available for the virtual functions',
        steps: [
          ...refused,
          {
            kind: 'firmware',
            setting:
              'enable "SR-IOV Support" and "ARI" (Alternative Routing-ID Interpretation), which lets VFs use function numbers instead of new buses',
          },
          ...params.steps.filter((s) => s.kind !== 'verify'),
          verify,
        ],
        caveats: [
          'pci=assign-busses renumbers every bus: device addresses in configurations (vfio-pci ids by address, udev rules) can change.',
        ],
      };
    }
    case 'no-driver':
      return {
        summary: 'Bind the physical function to its own driver before creating VFs',
        steps: [
          ...refused,
          {
            kind: 'note',
            text: 'sriov_numvfs is implemented by the PF driver (its sriov_configure callback): bind the PF to its vendor driver (not vfio-pci, not pci-stub), then write sriov_numvfs.',
          },
          verify,
        ],
      };
    case 'driver-unsupported':
      return {
        summary: 'Create the VFs the way this driver offers',
        steps: [
          ...refused,
          {
            kind: 'note',
            text: "This driver does not implement sriov_numvfs: it creates VFs through a module parameter (often max_vfs, e.g. igb and older ixgbe) or its vendor's tool. See the driver's documentation (modinfo <driver> | grep -i vf).",
          },
          verify,
        ],
      };
    case 'firmware-off':
      return {
        summary: "Turn SR-IOV on in the system firmware and in the adapter's own settings",
        steps: [
          ...refused,
          {
            kind: 'firmware',
            setting:
              'enable "SR-IOV Support" in the system setup, and SR-IOV in the network adapter\u2019s own configuration for each port (device settings / HII menu, or the vendor tool: mlxconfig SRIOV_EN=1 NUM_OF_VFS=N, Intel EPCT / BIOS device menu)',
          },
          { kind: 'reboot' },
          verify,
        ],
      };
    case 'limit':
      return {
        summary: 'Ask for no more VFs than the device can give',
        steps: [
          ...refused,
          {
            kind: 'note',
            text: 'Write a smaller number to sriov_numvfs (sriov_totalvfs is the most the device offers; the driver may allow fewer).',
          },
          verify,
        ],
      };
    case 'busy':
      return {
        summary: 'Change the VF count only while no VF is in use',
        steps: [
          ...refused,
          {
            kind: 'note',
            text: 'Shut down the guests that use the VFs, write 0 to sriov_numvfs, then the new count (the kernel refuses to change a non-zero count directly).',
          },
          verify,
        ],
      };
    default: {
      const never: never = cause;
      return never;
    }
  }
}

/** A module rejected a parameter: find where it is set and correct or remove it. */
export function rejectedParamFix(module: string | null, param: string | null, setIn: readonly string[]): Fix {
  const moduleOk = module !== null && isIdentifier('module', module);
  const steps: FixStep[] = [
    ...(module !== null && !moduleOk ? [rejectedNote('module', module, 'Look up its parameters by hand.')] : []),
    {
      kind: 'note',
      text:
        setIn.length > 0
          ? `The parameter is set in ${setIn.join(', ')}: correct its name or value, or remove it.`
          : `Find where ${param ?? 'the parameter'} is set (the kernel command line as module.param, or an "options" line in /etc/modprobe.d) and correct or remove it.`,
    },
    ...(moduleOk
      ? [
          {
            kind: 'run' as const,
            command: sh`modinfo -p ${module}; modinfo -n ${module}`.shell,
            why: 'the parameters this module accepts, and which file of it is loaded (an out-of-tree build such as a DKMS module has parameters the in-tree one lacks)',
          },
        ]
      : []),
    { kind: 'reboot' },
    moduleOk
      ? {
          kind: 'verify',
          command: sh`dmesg | grep -e ${`${module}: unknown parameter`} -e ${`${module}: Unknown parameter`}`.shell,
          expect: 'no line',
        }
      : { kind: 'verify', command: 'dmesg | grep -i "unknown parameter"', expect: 'no line' },
  ];
  return { summary: `Correct the ${param ?? 'module'} parameter the kernel rejected`, steps };
}

/** VFIO could not pin guest memory: the VMM's locked-memory limit is below the guest's RAM. */
export function memlockFix(): Fix {
  return {
    summary: 'Let the VMM lock the guest memory VFIO must pin',
    steps: [
      {
        kind: 'note',
        text: 'VFIO pins all guest RAM (plus the ROM and MMIO it maps) in the QEMU process, so its RLIMIT_MEMLOCK must be at least the guest memory. libvirt raises it for hostdev guests by itself; QEMU started by hand, a container runtime or an operator needs it raised: `ulimit -l unlimited` in the shell that starts QEMU, `LimitMEMLOCK=infinity` in its systemd unit, or `memlock` in /etc/security/limits.conf for its user.',
      },
      {
        kind: 'run',
        command: 'grep -i "locked memory" /proc/$(pgrep -f qemu-system | head -n 1)/limits',
        why: 'the limit the running VMM has',
      },
      { kind: 'verify', command: 'dmesg | grep RLIMIT_MEMLOCK', expect: 'no new line when the guest starts' },
    ],
  };
}

/** The VMM says a device's group is not viable, and the bundle has no inventory to name the member that blocks it. */
export function groupNotViableFromLog(device: string, group: string | null): Fix {
  const groupOk = group !== null && isIdentifier('count', group);
  const deviceOk = isIdentifier('pci-address', device);
  return {
    summary: 'Bind every device of the group to vfio-pci, or free the group of the host-driven one',
    steps: [
      ...(deviceOk ? [] : [rejectedNote('pci-address', device, 'Find its group by hand.')]),
      groupOk
        ? {
            kind: 'run',
            command: sh`for d in /sys/kernel/iommu_groups/${group}/devices/*; do lspci -nnk -s "\${d##*/}"; done`.shell,
            why: 'lists every device of the group with its driver: each endpoint must be on vfio-pci or have no driver (bridges may stay)',
          }
        : deviceOk
          ? {
              kind: 'run',
              command: sh`for d in /sys/bus/pci/devices/${device}/iommu_group/devices/*; do lspci -nnk -s "\${d##*/}"; done`.shell,
              why: 'lists every device of the group with its driver: each endpoint must be on vfio-pci or have no driver (bridges may stay)',
            }
          : {
              kind: 'note',
              text: 'List the devices of the group (ls -l /sys/kernel/iommu_groups/*/devices) with their drivers (lspci -nnk).',
            },
      {
        kind: 'note',
        text: 'Bind the other endpoints of the group to vfio-pci too (and pass them to the same VM, or leave them unused), or move the card to a slot with its own group. Then collect a bundle so the report can name the exact steps for this host.',
      },
      { kind: 'verify', command: 'ls /dev/vfio', expect: 'the group number listed, and the VM starts' },
    ],
  };
}

/** What the VMM's VFIO error means, by catalogue fault, for the person fixing it. */
export function vmVfioErrorFix(fault: string, device: string | null, group: string | null): Fix {
  const deviceOk = device !== null && isIdentifier('pci-address', device);
  const check: FixStep = deviceOk
    ? {
        kind: 'run',
        command: sh`lspci -nnk -s ${device}; readlink /sys/bus/pci/devices/${device}/iommu_group`.shell,
        why: 'the device, its driver and its IOMMU group',
      }
    : { kind: 'run', command: 'lspci -nnk; ls -l /dev/vfio', why: 'the devices with their drivers, and the VFIO group nodes' };
  const groupNode = group !== null && isIdentifier('count', group) ? `/dev/vfio/${group}` : '/dev/vfio/<group>';
  const why: Record<string, string> = {
    'vfio-open-failed': `${groupNode} exists only while vfio-pci (or another VFIO driver) holds a device of that group and the IOMMU is on: bind the device to vfio-pci first (see device-host-driver, device-not-bound), and check that the IOMMU is enabled (iommu-kernel-disabled).`,
    'vfio-container-failed':
      'The kernel refused to attach the group to a VFIO container: "Operation not permitted" means no interrupt remapping / MSI isolation (interrupt-remapping-missing) or a firmware RMRR reservation (rmrr-conflict); "No such device" or "Invalid argument" means the IOMMU does not cover the device.',
    'vfio-no-iommu-group':
      'The device has no IOMMU group: the IOMMU is off or does not translate this device (see iommu-kernel-disabled, pci-device-not-behind-iommu).',
    'device-in-use': 'Another VM or process holds the device or its group: stop it, or pass a device that is free.',
    'reset-blocked':
      'QEMU cannot reset the device without resetting others it does not own (a bus reset): pass every device of that bus/slot to the same VM, or use a device with function-level reset.',
    'msix-layout-broken':
      "The device reports an MSI-X table or PBA outside its BARs: QEMU's x-msix-relocation option (-device vfio-pci,…,x-msix-relocation=bar2) moves it; a firmware update of the card may fix it.",
  };
  return {
    summary: 'Make the device assignable before starting the VM again',
    steps: [
      ...(device !== null && !deviceOk ? [rejectedNote('pci-address', device, 'Look it up by hand.')] : []),
      check,
      { kind: 'note', text: why[fault] ?? 'Read the VMM error together with the kernel log of the same moment (dmesg -T).' },
      { kind: 'verify', command: 'ls -l /dev/vfio', expect: 'the group node of the device, then the VM starts' },
    ],
  };
}

/** VFIO runs in no-IOMMU mode: a device without DMA isolation is unfit for a VM. */
export function noIommuModeFix(host: HostProfile, onCmdline: string | null): Fix {
  // Only a parameter that is on the command line is taken off it; otherwise it was set when vfio was loaded.
  const params: Fix =
    onCmdline === null
      ? {
          summary: '',
          steps: [
            {
              kind: 'note',
              text: 'The mode was set when vfio was loaded (modprobe vfio enable_unsafe_noiommu_mode=1, or an options line in /etc/modprobe.d): remove that, then reload vfio or reboot.',
            },
          ],
        }
      : changeKernelParams(host, { add: [], remove: [onCmdline] }, 'Turn off the no-IOMMU mode');
  return {
    summary: 'Give VFIO a real IOMMU instead of the no-IOMMU mode',
    steps: [
      {
        kind: 'note',
        text: 'No-IOMMU mode gives a user-space driver the device without any DMA isolation (the kernel is tainted): it cannot be used to pass a device to a VM. Enable the IOMMU (VT-d / AMD-Vi in the firmware, intel_iommu=on where needed) and turn the mode off.',
      },
      ...params.steps,
    ],
    ...(params.caveats ? { caveats: params.caveats } : {}),
  };
}

/** The IOMMU works but does not cover the device: what decides it is the platform, not a setting of the kernel's. */
export function notBehindIommuFix(host: HostProfile, address: string): Fix {
  const addressOk = isIdentifier('pci-address', address);
  return {
    summary: 'Put the device behind an IOMMU, or pass through a device that is',
    steps: [
      ...(addressOk ? [] : [rejectedNote('pci-address', address, 'Check it by hand.')]),
      {
        kind: 'note',
        text: 'Which devices an IOMMU covers is set by the firmware: the ACPI DMAR (Intel), IVRS (AMD) or IORT (Arm) table, or the device tree\u2019s iommu-map on boards. A device outside them cannot be passed through with VFIO. Move the card to a slot whose root port is behind the IOMMU, update the firmware, or on boards whose PCIe controller has no IOMMU at all (Raspberry Pi 5) use another device.',
      },
      ...(host.virtualMachine
        ? [
            {
              kind: 'note' as const,
              text: 'This host is a virtual machine: its virtual IOMMU covers only the devices the outer hypervisor places behind it (QEMU: the intel-iommu/virtio-iommu/smmuv3 device and the PCIe topology).',
            },
          ]
        : []),
      addressOk
        ? {
            kind: 'verify',
            command: sh`readlink /sys/bus/pci/devices/${address}/iommu_group`.shell,
            expect: 'a path ending in the group number',
          }
        : { kind: 'verify', command: 'ls /sys/kernel/iommu_groups/*/devices', expect: 'the device listed in a group' },
    ],
  };
}

/** A device whose configuration space reads all ones: make it answer (ARI for VFs, the link, the slot), then check it does. */
export function configUnreadableFix(device: string | null): Fix {
  const ok = device !== null && isIdentifier('pci-address', device);
  return {
    summary: 'Make the device answer its configuration reads',
    steps: [
      ...(device !== null && !ok ? [rejectedNote('pci-address', device, 'Find the device by hand.')] : []),
      {
        kind: 'firmware',
        setting:
          'for SR-IOV virtual functions: enable "SR-IOV Support" and "ARI" (Alternative Routing-ID Interpretation) on the port above the card, and update the adapter firmware; for any other device: reseat it and check that its slot and link are enabled',
      },
      { kind: 'reboot' },
      ok
        ? { kind: 'verify', command: sh`lspci -nn -s ${device}`.shell, expect: 'the device listed with its vendor:device id, not rev ff' }
        : { kind: 'verify', command: 'lspci -nn | grep -i "rev ff"', expect: 'no device with rev ff' },
    ],
  };
}
