/**
 * Known error and warning lines of the Cloudpods host service log, each with its cause and fix.
 * Every pattern is a format string of yunionio/cloudpods 2de2952 (file and function named per entry);
 * the rule cloudpods-agent-errors lists any other [error]/[fatal] line as unexplained.
 */
import type { HostProfile } from '../facts/model.js';
import { checkHostServiceLog, editHostConf, HOST_CONF, restartHostService } from './cloudpods.js';
import type { FixStep } from './fix.js';
import { changeKernelParams } from './kernel-params.js';
import { input, sh } from './shell.js';

export interface KnownHostServiceError {
  readonly id: string;
  readonly match: RegExp;
  readonly severity: 'error' | 'warning';
  readonly cause: string;
  readonly steps: (host: HostProfile, line: string) => FixStep[];
}

const restart = (expect: string): FixStep[] => [...restartHostService(), checkHostServiceLog(expect)];

export const KNOWN_HOST_SERVICE_ERRORS: readonly KnownHostServiceError[] = [
  {
    id: 'grub-cmdline', // isolated_device/gpu.go sGPUBaseDevice.CustomProbe
    match: /GRUB_CMDLINE iommu parameters (\S+) missing|Some GRUB_CMDLINE nouveau_blacklisted parameters are missing/,
    severity: 'error',
    cause:
      'the kernel command line lacks a parameter the host service requires before it probes GPUs (see cloudpods-agent-cmdline-requirements)',
    steps: (host, line) => {
      const m = /GRUB_CMDLINE iommu parameters (\S+) missing/.exec(line);
      const add = m?.[1] ? [m[1]] : ['rdblacklist=nouveau', 'nouveau.modeset=0'];
      return [
        ...changeKernelParams(host, { add, remove: [] }, 'Add the parameter the host service checks').steps,
        ...restart('no "GRUB_CMDLINE … missing" line'),
      ];
    },
  },
  {
    id: 'gpu-driver', // gpu.go getPassthroughGPUs, CustomProbe
    match: /use kernel driver "?[\w-]+"?, skip it|GPU is occupied by another driver/,
    severity: 'error',
    cause: 'a GPU is held by a host driver, so the host service skips it (see cloudpods-gpu-driver-on-vm-host)',
    steps: () => [
      {
        kind: 'run',
        command: 'lspci -nnk -d ::0300; lspci -nnk -d ::0302; lspci -nnk -d ::0380',
        why: 'find the GPU and the driver holding it',
      },
      ...restart('an "Add GPU device" line for the card'),
    ],
  },
  {
    id: 'new-id-exists', // gpu.go bindDriver
    match: /vfio-pci\/new_id: file exists/,
    severity: 'error',
    cause: 'a second identical device could not be bound through new_id (see cloudpods-duplicate-device-ids)',
    steps: () => [
      {
        kind: 'note',
        text: 'Bind identical cards by address at boot (/usr/bin/vfio-pci-override.sh from ocboot), or run a host service image built after 2024-04-28.',
      },
      ...restart('no "new_id: file exists" line'),
    ],
  },
  {
    id: 'custom-probe', // isolated_device.go BatchCustomProbe → AppendError
    match: /CustomProbe failed/,
    severity: 'error',
    cause: 'the per-device environment check failed; the text after "CustomProbe failed" says which check',
    steps: () => restart('no "CustomProbe failed" line'),
  },
  {
    id: 'dev-addr-registed', // pkg/compute/models/isolated_devices.go ValidateCreateData
    match: /dev addr \S+ registed/,
    severity: 'error',
    cause:
      'the region already holds a device at that address on this host (for USB, the bus:device number changes when a device is re-plugged), so the sync fails and the host can go offline',
    steps: () => [
      {
        kind: 'run',
        command: sh`climc isolated-device-list --host ${input('PTD_HOST')} --details`.shell,
        why: 'find the stale record at that address, then remove it with climc isolated-device-delete and its id (or set disable_usb: true until it is cleared)',
      },
      ...restart('no "registed" line'),
    ],
  },
  {
    id: 'unknown-key', // vendor/yunion.io/x/structarg/structarg.go parseJSONKeyValue
    match: /Cannot find argument \S+/,
    severity: 'warning',
    cause: `a key in ${HOST_CONF} or common.conf is not an option of this host service and is ignored (see cloudpods-hostconf-unknown-key)`,
    steps: () => [editHostConf('rename or remove the key named in the line'), ...restart('no "Cannot find argument" line for that key')],
  },
  {
    id: 'hugepage-nr0', // hostinfo/hostinfo.go prepareEnv
    match: /hugepage \d+ nr 0|has no hugepages \?/,
    severity: 'error',
    cause: 'hugepages_option: native without a reserved pool; the host service stops (see cloudpods-hugepages-native-unreserved)',
    steps: () => [
      editHostConf('set hugepages_option: transparent, or reserve the pool with oc-hugetlb-gigantic-pages.service'),
      ...restart('no "hugepage … nr 0" line'),
    ],
  },
  {
    id: 'invalid-hugepages', // hostinfo/hostinfo.go prepareEnv
    match: /Invalid hugepages option/,
    severity: 'error',
    cause: 'hugepages_option is not disable, native or transparent; the host service stops (see cloudpods-hostconf-invalid-value)',
    steps: () => [editHostConf('set hugepages_option to disable, native or transparent'), ...restart('no "Invalid hugepages option" line')],
  },
  {
    id: 'config-value', // isolated_device.go probeAMDVgpus/probeNVIDIAVgpus; storageman/core.go
    match: /invaild input pci address|bad nvme config|failed parse pci device/,
    severity: 'error',
    cause: 'a vGPU PF or NVMe entry in host.conf is malformed (see cloudpods-hostconf-invalid-value)',
    steps: () => [editHostConf('correct the entry named in the line'), ...restart('no such line')],
  },
  {
    id: 'lsusb-tree', // isolated_device/usb.go getPassthroughUSBs → parseLsusbTrees
    match: /parseLsusbTrees/,
    severity: 'error',
    cause:
      'the host service cannot parse this usbutils\' `lsusb -t` output (newer usbutils print "Bus 001.Port 001:"), so the USB probe fails',
    steps: () => [
      {
        kind: 'note',
        text: 'Run a host service image that parses the new lsusb -t format (fixed on master, 3.11 and 4.0 in 2026-04), or set disable_usb: true until then.',
      },
      ...restart('no "parseLsusbTrees" line'),
    ],
  },
  {
    id: 'module-probe', // hostinfo/hostinfo.go probeSyncIsolatedDevices; gpu.go CustomProbe
    match: /failed probe driver \S+|modprobe (vfio|vfio_iommu_type1|vfio-pci): /,
    severity: 'error',
    cause: "a vfio module could not be loaded (missing from this kernel's modules, or blocked by an install/blacklist line)",
    steps: () => [
      { kind: 'run', command: 'modprobe -v vfio-pci; modprobe -v vfio_iommu_type1', why: 'shows why the module does not load' },
      ...restart('no "failed probe driver" line'),
    ],
  },
];
