/**
 * Hand a device to vfio-pci at boot, before its host driver claims it.
 * - `options vfio-pci ids=…` makes vfio-pci claim the ids when it loads (vfio-pci module
 *   parameter `ids`, Documentation/driver-api/vfio.rst and the kernel's vfio_pci.c); the ids go
 *   into the one `options vfio-pci ids=` list the host already has, because with two such lines
 *   only the last value reaches the module;
 * - `softdep <module> pre: vfio-pci` makes modprobe load vfio-pci before the host driver's module
 *   (modprobe.d(5) "softdep"; a module name, not a driver name: src/fixes/module-of.ts); it cannot
 *   help a driver built into the kernel;
 * - the initramfs must carry both when the host driver is loaded from the initramfs.
 * Binding by id takes every device with that id, so it is offered only when no other device on the
 * host shares it; otherwise the device is bound by address (src/fixes/bind-by-address.ts), which
 * never hands a twin — a disk controller, a NIC the host uses — to vfio-pci.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice, VfioId } from '../facts/model.js';
import { bindAddressesAtBootSteps, bindByAddressVerify } from './bind-by-address.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, partition, rejectedNote } from './identifiers.js';
import { editStep, initramfsModuleStep, rebuildInitramfs, vfioInitramfsModules } from './initramfs.js';
import { moduleOfDriver } from './module-of.js';
import { sh } from './shell.js';

/** The modprobe.d file that already holds `options vfio-pci ids=`, else /etc/modprobe.d/vfio.conf. */
function idsFile(existing: readonly VfioId[]): string {
  const file = existing.find(
    (v) => v.ref.evidence !== 'cmdline' && isIdentifier('path', v.ref.source) && v.ref.source.startsWith('/etc/modprobe.d/'),
  );
  return file?.ref.source ?? '/etc/modprobe.d/vfio.conf';
}

/**
 * The boot-time part every binding by id shares: the ids in modprobe.d, one softdep line per host
 * module to order, the initramfs module list and its rebuild. The one place that decides these steps.
 */
export function vfioIdsAtBootSteps(
  host: HostProfile,
  ids: readonly string[],
  softdepModules: readonly string[],
  existing: readonly VfioId[] = [],
): FixStep[] {
  const okIds = partition(
    'pci-id',
    ids.map((i) => i.toLowerCase()),
    'Bind that device by hand.',
  );
  const okModules = partition('module', softdepModules, 'Add its softdep line by hand.');
  const steps: FixStep[] = [...okIds.notes, ...okModules.notes];
  if (okIds.ok.length > 0)
    steps.push(
      editStep(idsFile(existing), {
        op: 'modprobe-option',
        module: 'vfio-pci',
        option: 'ids',
        add: okIds.ok,
        remove: [],
        removeOption: false,
      }),
    );
  if (okModules.ok.length > 0)
    steps.push(
      editStep('/etc/modprobe.d/vfio.conf', { op: 'lines', add: okModules.ok.map((m) => `softdep ${m} pre: vfio-pci`), remove: [] }),
    );
  steps.push(initramfsModuleStep(host, vfioInitramfsModules(host)), ...rebuildInitramfs(host));
  return steps;
}

export function bindToVfioAtBoot(
  host: HostProfile,
  device: PciDevice,
  hostDriver: string | null,
  options: { builtinDriver: boolean; otherSameIds: readonly string[]; vfioIds?: readonly VfioId[] },
): Fix {
  const id = `${device.vendor}:${device.device}`;
  if (!isIdentifier('pci-address', device.address))
    return { summary: 'Bind the device to vfio-pci by hand', steps: [rejectedNote('pci-address', device.address, 'Bind it by hand.')] };
  const verify: FixStep = { kind: 'verify', command: sh`lspci -nnk -s ${device.address}`.shell, expect: 'Kernel driver in use: vfio-pci' };
  if (options.otherSameIds.length > 0)
    return {
      summary: `Bind ${device.address} to vfio-pci by address (${options.otherSameIds.join(', ')} share its id ${id})`,
      steps: [...bindAddressesAtBootSteps(host, [device]), { kind: 'reboot' }, ...bindByAddressVerify(host, [device], [])],
      caveats: [
        `Binding by id ${id} would also take ${options.otherSameIds.join(', ')} away from the host; the override by address binds only ${device.address}.`,
      ],
    };
  const module = hostDriver !== null && !options.builtinDriver ? moduleOfDriver(hostDriver, device.modules) : null;
  const unknownModule: FixStep[] =
    hostDriver !== null && !options.builtinDriver && module === null
      ? [
          {
            kind: 'note',
            text: `The module of ${isIdentifier('driver', hostDriver) ? hostDriver : 'its driver'} is not in the bundle; readlink /sys/bus/pci/devices/${device.address}/driver/module names it, for a softdep <module> pre: vfio-pci line.`,
          },
        ]
      : [];
  const steps: FixStep[] = [
    ...unknownModule,
    ...vfioIdsAtBootSteps(host, [id], module !== null ? [module] : [], options.vfioIds ?? []),
    { kind: 'reboot' },
    verify,
  ];
  const caveats: string[] = [
    `To switch without a reboot: echo ${device.address} > /sys/bus/pci/devices/${device.address}/driver/unbind; echo vfio-pci > /sys/bus/pci/devices/${device.address}/driver_override; echo ${device.address} > /sys/bus/pci/drivers_probe`,
  ];
  if (options.builtinDriver && hostDriver)
    caveats.push(
      `${hostDriver} is built into the kernel, so softdep cannot order it; add vfio-pci.ids=${id} to the kernel command line (vfio-pci must then be built in or in the initramfs) or bind with driver_override from a boot script.`,
    );
  return { summary: `Bind ${device.address} to vfio-pci at boot instead of ${hostDriver ?? 'no driver'}`, steps, caveats };
}
