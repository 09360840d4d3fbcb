/**
 * Keep a GPU vendor's host driver away from the GPU meant for a VM.
 * - modprobe.d `blacklist <driver>` stops alias-based autoloading (modprobe.d(5)); nouveau also
 *   gets `options nouveau modeset=0`, the guide's `nouveau.modeset=0` in module form;
 * - `softdep <driver> pre: vfio-pci` makes vfio-pci claim its ids first if the driver is loaded
 *   anyway (pve-docs qm-pci-passthrough, "Host Device Passthrough");
 * - the initramfs must be rebuilt, because GPU drivers are loaded from it on most distributions.
 * The guide's `rdblacklist=nouveau` is dracut's old spelling of `rd.driver.blacklist=` (dracut.cmdline(7),
 * deprecated options) and means nothing to initramfs-tools.
 */
import type { HostProfile } from '../facts/model.js';
import type { Fix, FixStep } from './fix.js';
import { rebuildInitramfs } from './initramfs.js';

export function keepGpuDriverOff(host: HostProfile, drivers: readonly string[], gpu: string): Fix {
  const lines = drivers.flatMap((d) => [
    `blacklist ${d}`,
    ...(d === 'nouveau' ? ['options nouveau modeset=0'] : []),
    `softdep ${d} pre: vfio-pci`,
  ]);
  const steps: FixStep[] = [
    { kind: 'edit-file', path: '/etc/modprobe.d/blacklist-gpu.conf', change: lines.join(' ; ') },
    ...rebuildInitramfs(host),
    { kind: 'reboot' },
    {
      kind: 'verify',
      command: `lsmod | grep -E '^(${drivers.join('|')}) '; lspci -nnk -s ${gpu}`,
      expect: 'no such module loaded; Kernel driver in use: vfio-pci',
    },
  ];
  const caveats = [
    'Blacklisting takes the driver away from every GPU of this vendor on the host; if the host keeps one for itself, rely on vfio-pci ids plus the softdep line and drop the blacklist line.',
  ];
  if (drivers.includes('nouveau') && (host.distro === 'rhel-like' || host.distro === 'suse'))
    caveats.push(
      "On dracut hosts, rd.driver.blacklist=nouveau on the kernel command line (the guide's rdblacklist=nouveau is its old spelling) also keeps nouveau out of the initramfs.",
    );
  return { summary: `Keep ${drivers.join(', ')} off ${gpu}`, steps, caveats };
}
