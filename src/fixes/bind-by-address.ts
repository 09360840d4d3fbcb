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
 *   with `modprobe -i` (--ignore-install, modprobe(8)); `softdep <driver> pre: vfio-pci` makes the
 *   host driver's load request vfio-pci first.
 * - The script must be in the initramfs when the host driver loads there: dracut `install_items+=`
 *   (dracut.conf(5)), an initramfs-tools hook with `copy_exec` (initramfs-tools(7) "Hook scripts"),
 *   mkinitcpio `FILES=()` (mkinitcpio(8)).
 */
import type { HostProfile, PciDevice } from '../facts/model.js';
import type { IdCapture } from '../facts/vfio-id-twins.js';
import type { Fix, FixStep } from './fix.js';
import { rebuildInitramfs } from './initramfs.js';
import { changeKernelParams } from './kernel-params.js';

const SCRIPT = '/usr/local/bin/vfio-pci-override.sh';

export function bindByAddress(host: HostProfile, capture: IdCapture, passThrough: readonly PciDevice[], keep: readonly PciDevice[]): Fix {
  const steps: FixStep[] = [...dropId(host, capture)];
  const addrs = passThrough.map((d) => d.address);
  if (addrs.length > 0) {
    const hostDrivers = [...new Set(passThrough.flatMap((d) => d.modules))];
    steps.push(
      {
        kind: 'edit-file',
        path: SCRIPT,
        change: `#!/bin/sh\nfor DEV in ${addrs.join(' ')}; do echo vfio-pci > /sys/bus/pci/devices/$DEV/driver_override; done\nmodprobe -i vfio-pci`,
      },
      { kind: 'run', command: `chmod 755 ${SCRIPT}`, why: 'modprobe runs the script as the install command of vfio-pci' },
      {
        kind: 'edit-file',
        path: '/etc/modprobe.d/vfio.conf',
        change: [`install vfio-pci ${SCRIPT}`, ...hostDrivers.map((m) => `softdep ${m} pre: vfio-pci`)].join(' ; '),
      },
      initramfsScriptStep(host),
    );
  } else
    steps.push({
      kind: 'note',
      text: `No device of ${capture.id} is named for passthrough by address; name the one(s) meant for a VM with --device <address> and bind those by address.`,
    });
  steps.push(...rebuildInitramfs(host), { kind: 'reboot' });
  for (const d of passThrough)
    steps.push({ kind: 'verify', command: `lspci -nnk -s ${d.address}`, expect: 'Kernel driver in use: vfio-pci' });
  for (const d of keep)
    steps.push({
      kind: 'verify',
      command: `lspci -nnk -s ${d.address}`,
      expect: `Kernel driver in use: ${d.modules[0] ?? 'its host driver'}, not vfio-pci`,
    });
  return {
    summary: `Bind ${addrs.length > 0 ? addrs.join(', ') : 'the intended device'} to vfio-pci by address, not by id ${capture.id}`,
    steps,
    caveats: [
      `To move a device now without a reboot: echo vfio-pci > /sys/bus/pci/devices/<address>/driver_override, then unbind it from its driver and echo <address> > /sys/bus/pci/drivers_probe; return a twin with echo > /sys/bus/pci/devices/<address>/driver_override and the same probe.`,
      'A host driver built into the kernel probes before any module loads; then write the overrides from a script that runs before that driver (or use a kernel built with it as a module).',
    ],
  };
}

/** Take the id out of modprobe.d and the kernel command line, keeping the other ids of the line. */
function dropId(host: HostProfile, capture: IdCapture): FixStep[] {
  const steps: FixStep[] = [];
  for (const ref of capture.refs.filter((r) => r.evidence !== 'cmdline'))
    steps.push({
      kind: 'edit-file',
      path: ref.source,
      change: `remove ${capture.id} from the line "${ref.text}" (drop the line when no id is left)`,
    });
  const onCmdline = capture.refs.find((r) => r.evidence === 'cmdline');
  const param = onCmdline ? /\bvfio[-_]pci\.ids=\S+/.exec(onCmdline.text)?.[0] : undefined;
  if (param) {
    const rest = param
      .slice(param.indexOf('=') + 1)
      .split(',')
      .filter((x) => x.toLowerCase().split(':').slice(0, 4).join(':') !== capture.id);
    const kp = changeKernelParams(host, { remove: [param], add: rest.length > 0 ? [`vfio-pci.ids=${rest.join(',')}`] : [] }, '');
    steps.push(...kp.steps.filter((s) => s.kind !== 'reboot' && s.kind !== 'verify'));
  }
  return steps;
}

function initramfsScriptStep(host: HostProfile): FixStep {
  if (host.distro === 'debian-like' || host.distro === 'proxmox')
    return {
      kind: 'edit-file',
      path: '/etc/initramfs-tools/hooks/vfio-pci-override',
      change: `an executable hook from the initramfs-tools(7) template (PREREQ, prereqs) that runs: . /usr/share/initramfs-tools/hook-functions; copy_exec ${SCRIPT} /usr/local/bin`,
    };
  if (host.distro === 'arch') return { kind: 'edit-file', path: '/etc/mkinitcpio.conf', change: `add ${SCRIPT} to FILES=( … )` };
  return { kind: 'edit-file', path: '/etc/dracut.conf.d/vfio-pci-override.conf', change: `install_items+=" ${SCRIPT} "` };
}
