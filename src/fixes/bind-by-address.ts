/**
 * Hand vfio-pci chosen devices by PCI address instead of by vendor:device id, so identical devices
 * the host needs keep their drivers.
 *
 * - `driver_override` (Documentation/ABI/testing/sysfs-bus-pci, Linux 3.16): once written, only a
 *   driver of that name may bind the device; writing it neither unbinds the current driver nor
 *   loads the named one. So it must be written before the host driver probes the device, and
 *   vfio-pci loaded afterwards binds it when the module registers.
 * - The boot hook is the Arch wiki's "Using identical guest and host GPUs" (PCI passthrough via
 *   OVMF) and ocboot's vfio-pci-override.sh: modprobe.d(5) `install vfio-pci <script>` runs the
 *   script whenever vfio-pci is requested, the script writes the overrides and loads the module
 *   with `modprobe -i` (--ignore-install, modprobe(8)); `softdep <module> pre: vfio-pci` makes the
 *   host driver's load request vfio-pci first.
 * - The script must be in the initramfs when the host driver loads there: dracut `install_items+=`
 *   (dracut.conf(5)); an initramfs-tools hook (initramfs-tools(7) "Hook scripts") that calls
 *   `copy_exec` with one argument — hook-functions' copy_file takes a second argument as the target
 *   *file* unless that directory already exists in the image, so `copy_exec <script> /usr/local/bin`
 *   can create a file named /usr/local/bin; hook and script are written executable before the
 *   rebuild (initramfs-tools runs only executable hooks); mkinitcpio `FILES=()` (mkinitcpio.conf(5)).
 */
import type { IdCapture } from '../facts/vfio-id-twins.js';
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice, VfioId } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, partition, rejectedNote } from './identifiers.js';
import { editStep, rebuildInitramfs } from './initramfs.js';
import { changeKernelParams } from './kernel-params.js';
import { moduleOfDriver } from './module-of.js';
import { sh } from './shell.js';

export const OVERRIDE_SCRIPT = '/usr/local/bin/vfio-pci-override.sh';
/** The addresses to hand to vfio-pci, one per line: every fix adds its own, so fixes for several devices add up. */
export const OVERRIDE_LIST = '/etc/vfio-pci-override.conf';
const HOOK = '/etc/initramfs-tools/hooks/vfio-pci-override';

/** The script is the same for every host; the list holds the addresses. */
const SCRIPT_LINES = [
  '#!/bin/sh',
  `# Written by ptdoctor: hand the devices listed in ${OVERRIDE_LIST} (one PCI address per line)`,
  '# to vfio-pci before their host drivers probe them, then load vfio-pci.',
  'while read -r DEV _; do',
  "\tcase $DEV in ''|'#'*) continue ;; esac",
  '\t[ -e "/sys/bus/pci/devices/$DEV/driver_override" ] && echo vfio-pci > "/sys/bus/pci/devices/$DEV/driver_override"',
  `done < ${OVERRIDE_LIST}`,
  'modprobe -i vfio-pci',
];

/** The initramfs-tools(7) hook template with one-argument copy_exec. */
const HOOK_LINES = [
  '#!/bin/sh',
  '# Written by ptdoctor: puts the vfio-pci override script into the initramfs.',
  'PREREQ=""',
  'prereqs()',
  '{',
  '\techo "$PREREQ"',
  '}',
  'case $1 in',
  'prereqs)',
  '\tprereqs',
  '\texit 0',
  '\t;;',
  'esac',
  '. /usr/share/initramfs-tools/hook-functions',
  `copy_exec ${OVERRIDE_SCRIPT}`,
  `copy_file config ${OVERRIDE_LIST}`,
];

function initramfsScriptSteps(host: HostProfile): FixStep[] {
  switch (host.initramfs) {
    case 'initramfs-tools':
      return [editStep(HOOK, { op: 'write-file', lines: HOOK_LINES, executable: true })];
    case 'mkinitcpio':
      return [editStep('/etc/mkinitcpio.conf', { op: 'shell-array', variable: 'FILES', add: [OVERRIDE_SCRIPT, OVERRIDE_LIST] })];
    case 'dracut':
      return [
        editStep('/etc/dracut.conf.d/vfio-pci-override.conf', {
          op: 'lines',
          add: [`install_items+=" ${OVERRIDE_SCRIPT} ${OVERRIDE_LIST} "`],
          remove: [],
        }),
      ];
    case null:
      return [{ kind: 'note', text: `Make the initramfs carry ${OVERRIDE_SCRIPT} (the distribution's initramfs tool decides how).` }];
    default: {
      const never: never = host.initramfs;
      return never;
    }
  }
}

function initramfsCheck(host: HostProfile): FixStep[] {
  const grep = sh`grep -F ${OVERRIDE_SCRIPT.slice(1)}`.shell;
  if (host.initramfs === 'initramfs-tools')
    return [
      {
        kind: 'verify',
        command: `lsinitramfs "/boot/initrd.img-$(uname -r)" | ${grep}`,
        expect: 'the override script is in the initramfs',
      },
    ];
  if (host.initramfs === 'dracut')
    return [{ kind: 'verify', command: `lsinitrd | ${grep}`, expect: 'the override script is in the initramfs' }];
  if (host.initramfs === 'mkinitcpio')
    return [
      { kind: 'verify', command: `lsinitcpio /boot/initramfs-linux.img | ${grep}`, expect: 'the override script is in the initramfs' },
    ];
  return [];
}

/** The modules the host drivers of these devices come from (for softdep lines), and a note for a driver whose module the bundle cannot name. */
function hostModules(devices: readonly PciDevice[]): { modules: string[]; notes: FixStep[] } {
  const modules = new Set<string>();
  const notes: FixStep[] = [];
  for (const d of devices) {
    const driver = d.driver !== null && d.driver !== 'vfio-pci' ? d.driver : null;
    const m =
      driver !== null ? moduleOfDriver(driver, d.modules) : d.modules.length === 1 ? moduleOfDriver(d.modules[0]!, d.modules) : null;
    if (m !== null) modules.add(m);
    else if (driver !== null)
      notes.push({
        kind: 'note',
        text: `The module of the driver of ${d.address} is not in the bundle; readlink /sys/bus/pci/devices/${d.address}/driver/module names it, for a softdep <module> pre: vfio-pci line.`,
      });
  }
  return { modules: [...modules].sort(), notes };
}

/**
 * The boot-time steps that bind exactly these devices to vfio-pci, by address (the override script,
 * its modprobe.d install line and softdeps, the initramfs, the rebuild). Addresses already checked.
 */
export function bindAddressesAtBootSteps(host: HostProfile, devices: readonly PciDevice[]): FixStep[] {
  const addrs = devices.map((d) => d.address);
  const { modules, notes } = hostModules(devices);
  return [
    ...notes,
    editStep(OVERRIDE_LIST, { op: 'lines', add: addrs, remove: [] }),
    editStep(OVERRIDE_SCRIPT, { op: 'write-file', lines: SCRIPT_LINES, executable: true }),
    editStep('/etc/modprobe.d/vfio.conf', {
      op: 'lines',
      add: [`install vfio-pci ${OVERRIDE_SCRIPT}`, ...modules.map((m) => `softdep ${m} pre: vfio-pci`)],
      remove: [],
    }),
    ...initramfsScriptSteps(host),
    ...rebuildInitramfs(host),
  ];
}

export function bindByAddressVerify(host: HostProfile, passThrough: readonly PciDevice[], keep: readonly PciDevice[]): FixStep[] {
  return [
    ...initramfsCheck(host),
    ...passThrough.map((d): FixStep => ({
      kind: 'verify',
      command: sh`lspci -nnk -s ${d.address}`.shell,
      expect: 'Kernel driver in use: vfio-pci',
    })),
    ...keep.map((d): FixStep => ({
      kind: 'verify',
      command: sh`lspci -nnk -s ${d.address}`.shell,
      expect: `Kernel driver in use: ${d.driver !== null && isIdentifier('driver', d.driver) ? d.driver : 'its host driver'}, not vfio-pci`,
    })),
  ];
}

const idOf = (raw: string): string => raw.toLowerCase().split(':').slice(0, 4).join(':');

/**
 * Take an id out of modprobe.d and the kernel command line, keeping the other ids there. Works on
 * the typed ids of the targets fact (each with its file), never on the text of an evidence line.
 * The modprobe.d edits come apart from the command-line edits and their regeneration, so callers
 * can rebuild the initramfs between the two (edit, rebuild initramfs, regenerate boot config).
 */
export function dropIdSteps(host: HostProfile, id: string, vfioIds: readonly VfioId[]): { modprobe: FixStep[]; cmdline: FixStep[] } {
  const modprobe: FixStep[] = [];
  const cmdline: FixStep[] = [];
  const mine = vfioIds.filter((v) => idOf(v.raw) === id);
  for (const file of new Set(mine.filter((v) => v.ref.evidence !== 'cmdline').map((v) => v.ref.source))) {
    if (!isIdentifier('path', file) || !file.startsWith('/etc/modprobe.d/')) {
      modprobe.push(rejectedNote('path', file, `Remove ${id} from its options vfio-pci ids= line by hand.`));
      continue;
    }
    const ids = partition('pci-id', [...new Set(mine.map((v) => v.raw.toLowerCase()))], `Remove it from ${file} by hand.`);
    modprobe.push(
      ...ids.notes,
      editStep(file, { op: 'modprobe-option', module: 'vfio-pci', option: 'ids', add: [], remove: ids.ok, removeOption: false }),
    );
  }
  if (mine.some((v) => v.ref.evidence === 'cmdline')) {
    const rest = partition(
      'pci-id',
      [...new Set(vfioIds.filter((v) => v.ref.evidence === 'cmdline' && idOf(v.raw) !== id).map((v) => v.raw.toLowerCase()))],
      'Keep this id on the command line by hand.',
    );
    const kp = changeKernelParams(
      host,
      { add: rest.ok.length > 0 ? [`vfio-pci.ids=${rest.ok.join(',')}`] : [], remove: [], removeNames: ['vfio_pci.ids'] },
      '',
    );
    cmdline.push(...rest.notes, ...kp.steps.filter((s) => s.kind !== 'reboot' && s.kind !== 'verify'));
  }
  return { modprobe, cmdline };
}

export function bindByAddress(
  host: HostProfile,
  capture: IdCapture,
  passThrough: readonly PciDevice[],
  keep: readonly PciDevice[],
  vfioIds: readonly VfioId[],
): Fix {
  const ok = passThrough.filter((d) => isIdentifier('pci-address', d.address));
  const bad = passThrough
    .filter((d) => !isIdentifier('pci-address', d.address))
    .map((d) => rejectedNote('pci-address', d.address, 'Bind it by hand.'));
  const id = isIdentifier('pci-id', capture.id) ? capture.id : null;
  const steps: FixStep[] = [...bad];
  const drop =
    id === null
      ? { modprobe: [rejectedNote('pci-id', capture.id, 'Remove it from the vfio-pci ids by hand.')], cmdline: [] }
      : dropIdSteps(host, id, vfioIds);
  steps.push(...drop.modprobe);
  if (ok.length > 0) steps.push(...bindAddressesAtBootSteps(host, ok));
  else {
    steps.push({
      kind: 'note',
      text: 'No device of this id is named for passthrough by address; name the one(s) meant for a VM with --device ADDRESS and bind those by address.',
    });
    steps.push(...rebuildInitramfs(host));
  }
  steps.push(
    ...drop.cmdline,
    { kind: 'reboot' },
    ...bindByAddressVerify(
      host,
      ok,
      keep.filter((d) => isIdentifier('pci-address', d.address)),
    ),
  );
  return {
    summary: `Bind ${ok.length > 0 ? ok.map((d) => d.address).join(', ') : 'the intended device'} to vfio-pci by address, not by id ${id ?? 'from the bundle'}`,
    steps,
    caveats: [
      'To move a device now without a reboot: echo vfio-pci > /sys/bus/pci/devices/ADDRESS/driver_override, then unbind it from its driver and echo ADDRESS > /sys/bus/pci/drivers_probe; return a twin with echo > /sys/bus/pci/devices/ADDRESS/driver_override and the same probe.',
      'A host driver built into the kernel probes before any module loads; then write the overrides from a script that runs before that driver (or use a kernel built with it as a module).',
    ],
  };
}
