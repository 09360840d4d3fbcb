/**
 * Keep a GPU vendor's host driver away from the GPU meant for a VM.
 * - modprobe.d `blacklist <module>` stops alias-based autoloading (modprobe.d(5)); nouveau also
 *   gets `options nouveau modeset=0`, the guide's `nouveau.modeset=0` in module form;
 * - `softdep <module> pre: vfio-pci` makes vfio-pci claim its ids first if the module is loaded
 *   anyway (pve-docs qm-pci-passthrough, "Host Device Passthrough");
 * - the initramfs must be rebuilt, because GPU drivers are loaded from it on most distributions.
 * These lines and the check after the reboot name modules (as /proc/modules does), never driver
 * names, and only names that are module names (src/fixes/identifiers.ts).
 * The guide's `rdblacklist=nouveau` is dracut's old spelling of `rd.driver.blacklist=` (dracut.cmdline(7),
 * deprecated options) and means nothing to initramfs-tools.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice } from '../facts/model.js';
import { moduleKey } from '../parsers/module-name.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier, partition, rejectedNote } from './identifiers.js';
import { editStep, rebuildInitramfs } from './initramfs.js';
import { moduleOfDriver } from './module-of.js';
import { sh } from './shell.js';

/**
 * `holders`: module names (from /proc/modules), or the devices whose bound driver is to go, whose
 * module is found from lspci's "Kernel modules" (src/fixes/module-of.ts: the driver bochs-drm is the
 * module bochs).
 */
export function keepGpuDriverOff(
  host: HostProfile,
  holders: readonly (string | Pick<PciDevice, 'address' | 'driver' | 'modules'>)[],
  gpu: string,
): Fix {
  const unknownModule: FixStep[] = [];
  const modules = holders.flatMap((h) => {
    if (typeof h === 'string') return [h];
    const m = h.driver !== null ? moduleOfDriver(h.driver, h.modules) : null;
    if (m === null && h.driver !== null)
      unknownModule.push({
        kind: 'note',
        text: `The module of the driver of ${isIdentifier('pci-address', h.address) ? h.address : 'the GPU'} is not in the bundle; readlink /sys/bus/pci/devices/ADDRESS/driver/module names it, to blacklist.`,
      });
    return m === null ? [] : [m];
  });
  const checked = partition('module', modules, 'Blacklist it by hand if it is a module.');
  checked.notes.push(...unknownModule);
  const names = [...new Set(checked.ok.map(moduleKey))];
  const lines = names.flatMap((m) => [
    `blacklist ${m}`,
    ...(m === 'nouveau' ? ['options nouveau modeset=0'] : []),
    `softdep ${m} pre: vfio-pci`,
  ]);
  const steps: FixStep[] = [...checked.notes];
  if (names.length > 0) steps.push(editStep('/etc/modprobe.d/blacklist-gpu.conf', { op: 'lines', add: lines, remove: [] }));
  steps.push(...rebuildInitramfs(host), { kind: 'reboot' });
  // /proc/modules lists each module by its `_` name first on the line; the pattern is built from checked names only.
  const gpuOk = isIdentifier('pci-address', gpu);
  const grep = names.length > 0 ? sh`grep -E ${`^(${names.join('|')}) `} /proc/modules`.shell : null;
  const lspci = gpuOk ? sh`lspci -nnk -s ${gpu}`.shell : null;
  if (!gpuOk) steps.push(rejectedNote('pci-address', gpu, 'Check its driver with lspci -nnk.'));
  if (grep !== null || lspci !== null)
    steps.push({
      kind: 'verify',
      command: [grep, lspci].filter((c) => c !== null).join('; '),
      expect: [grep !== null ? 'no such module loaded' : '', lspci !== null ? 'Kernel driver in use: vfio-pci' : '']
        .filter(Boolean)
        .join('; '),
    });
  const caveats = [
    'Blacklisting takes the driver away from every GPU of this vendor on the host; if the host keeps one for itself, rely on vfio-pci ids plus the softdep line and drop the blacklist line.',
  ];
  if (names.includes('nouveau') && host.initramfs === 'dracut')
    caveats.push(
      "On dracut hosts, rd.driver.blacklist=nouveau on the kernel command line (the guide's rdblacklist=nouveau is its old spelling) also keeps nouveau out of the initramfs.",
    );
  return { summary: `Keep ${names.join(', ') || 'the GPU driver'} off ${gpu}`, steps, caveats };
}
