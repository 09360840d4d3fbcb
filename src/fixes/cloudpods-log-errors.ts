/**
 * Known error and warning lines of the Cloudpods host service log, each with its cause and fix, named
 * by the catalogue entries that recognise them (src/log-catalog/cloudpods-*.ts, where each entry cites
 * its format string in yunionio/cloudpods); the rule cloudpods-agent-errors lists any other
 * [error]/[fatal] line as unexplained.
 */
import type { HostProfile } from '../facts/model.js';
import { checkHostServiceLog, editHostConf, HOST_CONF, restartHostService } from './cloudpods.js';
import type { FixStep } from './fix.js';
import { changeKernelParams } from './kernel-params.js';
import { input, sh } from './shell.js';

export interface KnownHostServiceError {
  readonly id: string;
  /** Catalogue entries whose lines this is. */
  readonly entries: readonly string[];
  /** Only lines whose captured value holds this text (one entry can carry several causes). */
  readonly valueHolds?: string;
  readonly severity: 'error' | 'warning';
  readonly cause: string;
  /** `entry`: the catalogue entry of the first line (some fixes depend on which form was printed). */
  readonly steps: (host: HostProfile, entry: string) => FixStep[];
}

const restart = (expect: string): FixStep[] => [...restartHostService(), checkHostServiceLog(expect)];

export const KNOWN_HOST_SERVICE_ERRORS: readonly KnownHostServiceError[] = [
  {
    id: 'grub-cmdline', // isolated_device/gpu.go sGPUBaseDevice.CustomProbe
    entries: ['cloudpods-cmdline-unsafe-interrupts-missing', 'cloudpods-cmdline-intel-iommu-missing', 'cloudpods-cmdline-nouveau-missing'],
    severity: 'error',
    cause:
      'the kernel command line lacks a parameter the host service requires before it probes GPUs (see cloudpods-agent-cmdline-requirements)',
    steps: (host, entry) => {
      const add =
        entry === 'cloudpods-cmdline-unsafe-interrupts-missing'
          ? ['vfio_iommu_type1.allow_unsafe_interrupts=1']
          : entry === 'cloudpods-cmdline-intel-iommu-missing'
            ? ['intel_iommu=on']
            : ['rdblacklist=nouveau', 'nouveau.modeset=0'];
      return [
        ...changeKernelParams(host, { add, remove: [] }, 'Add the parameter the host service checks').steps,
        ...restart('no "GRUB_CMDLINE … missing" line'),
      ];
    },
  },
  {
    id: 'gpu-driver', // gpu.go getPassthroughGPUs, CustomProbe
    entries: ['cloudpods-gpu-host-driver', 'cloudpods-gpu-occupied'],
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
    entries: ['cloudpods-new-id-exists'],
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
    entries: ['cloudpods-custom-probe-failed'],
    severity: 'error',
    cause: 'the per-device environment check failed; the text after "CustomProbe failed" says which check',
    steps: () => restart('no "CustomProbe failed" line'),
  },
  {
    id: 'dev-addr-registed', // pkg/compute/models/isolated_devices.go ValidateCreateData
    entries: ['cloudpods-dev-addr-registered'],
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
    entries: ['cloudpods-unknown-config-key'],
    severity: 'warning',
    cause: `a key in ${HOST_CONF} or common.conf is not an option of this host service and is ignored (see cloudpods-hostconf-unknown-key)`,
    steps: () => [editHostConf('rename or remove the key named in the line'), ...restart('no "Cannot find argument" line for that key')],
  },
  {
    id: 'hugepage-nr0', // hostinfo/hostinfo.go prepareEnv
    entries: ['cloudpods-hugepage-nr-zero', 'cloudpods-node-no-hugepages'],
    severity: 'error',
    cause: 'hugepages_option: native without a reserved pool; the host service stops (see cloudpods-hugepages-native-unreserved)',
    steps: () => [
      editHostConf('set hugepages_option: transparent, or reserve the pool with oc-hugetlb-gigantic-pages.service'),
      ...restart('no "hugepage … nr 0" line'),
    ],
  },
  {
    id: 'invalid-hugepages', // hostinfo/hostinfo.go prepareEnv
    entries: ['cloudpods-invalid-hugepages-option'],
    severity: 'error',
    cause: 'hugepages_option is not disable, native or transparent; the host service stops (see cloudpods-hostconf-invalid-value)',
    steps: () => [editHostConf('set hugepages_option to disable, native or transparent'), ...restart('no "Invalid hugepages option" line')],
  },
  {
    id: 'config-value', // isolated_device.go probeAMDVgpus/probeNVIDIAVgpus; storageman/core.go
    entries: ['cloudpods-vgpu-pf-address-invalid', 'cloudpods-nvme-config-invalid'],
    severity: 'error',
    cause: 'a vGPU PF or NVMe entry in host.conf is malformed (see cloudpods-hostconf-invalid-value)',
    steps: () => [editHostConf('correct the entry named in the line'), ...restart('no such line')],
  },
  {
    id: 'lsusb-tree', // isolated_device/usb.go getPassthroughUSBs → parseLsusbTrees
    entries: ['cloudpods-usb-probe-failed'],
    valueHolds: 'parseLsusbTrees',
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
    entries: ['cloudpods-vfio-modprobe-failed', 'cloudpods-vfio-modprobe-check-failed'],
    severity: 'error',
    cause: "a vfio module could not be loaded (missing from this kernel's modules, or blocked by an install/blacklist line)",
    steps: () => [
      { kind: 'run', command: 'modprobe -v vfio-pci; modprobe -v vfio_iommu_type1', why: 'shows why the module does not load' },
      ...restart('no "failed probe driver" line'),
    ],
  },
];
