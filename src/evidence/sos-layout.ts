/**
 * Where a sosreport keeps the evidence ptdoctor reads (layout of sos 4.x, as written by Debian
 * bookworm's `sos report -o kernel,pci,boot,grub2,memory,hardware,usb,kvm,processor,systemd`):
 * copied files keep their host paths as in a ptdoctor bundle; command output lives under
 * sos_commands/<plugin>/<mangled command>. Some ptdoctor evidence is derived from what sos copied
 * (the ACPI table names from sys/firmware/acpi/tables/*, module names from sys/module/*); what sos
 * never collects (the sysfs PCI inventory, /sys/kernel/iommu_groups, /sys/class/iommu, the EFI
 * directory, the listings the collector synthesizes from sysfs such as the AER counters, the IOMMU
 * units' devices and domain types, the device tree's IOMMU wiring and the network devices) is
 * reported as not collected, so those checks become unknown or fall back to the kernel log and
 * lspci. A file sos copies under its host path is found by the layout's own path: proc/iomem, which
 * the pci plugin copies, is the `proc-iomem` evidence.
 */
import type { Bundle } from '../bundle/bundle.js';

export type SosSource =
  | {
      readonly kind: 'file';
      readonly paths: readonly string[];
      readonly transform?: (text: string) => string;
      /** sos keeps a command's stderr in its output file: text matching this is the command failing, not its output. */
      readonly failed?: RegExp;
    }
  | { readonly kind: 'listing'; readonly under: string; readonly depth: 1 };

export function isSosreport(bundle: Bundle): boolean {
  for (const path of bundle.files.keys()) if (path.startsWith('sos_commands/') || path.startsWith('sos_reports/')) return true;
  return false;
}

/** `uname -a` → the `uname -srvm` shape: drop the hostname (field 2) and the trailing OS name. */
function unameAll(text: string): string {
  const line = text.split('\n')[0] ?? '';
  const f = line.trim().split(/\s+/);
  if (f.length < 5) return text;
  const tail = f[f.length - 1] === 'GNU/Linux' ? f.slice(0, -1) : f;
  return `${[tail[0], ...tail.slice(2)].join(' ')}\n`;
}

export const SOS_SOURCES: Readonly<Record<string, SosSource>> = {
  uname: { kind: 'file', paths: ['sos_commands/kernel/uname_-a', 'uname'], transform: unameAll },
  dmesg: { kind: 'file', paths: ['sos_commands/kernel/dmesg', 'sos_commands/logs/dmesg'] },
  'journal-kernel': {
    kind: 'file',
    paths: ['sos_commands/logs/journalctl_--no-pager_--catalog_--boot_-k', 'sos_commands/logs/journalctl_--no-pager_-k'],
  },
  // kmod's lsmod prints "Error: could not get list of modules: <strerror>" when /proc/modules cannot be read
  // (verbatim from Debian bookworm's kmod 30 on a host without /proc/modules).
  lsmod: { kind: 'file', paths: ['sos_commands/kernel/lsmod'], failed: /^Error: could not get list of modules: /m },
  'sys-module': { kind: 'listing', under: 'sys/module/', depth: 1 },
  'lspci-vvv': { kind: 'file', paths: ['sos_commands/pci/lspci_-nnvv', 'sos_commands/pci/lspci_-nvv'] },
  'acpi-tables': { kind: 'listing', under: 'sys/firmware/acpi/tables/', depth: 1 },
  lsusb: { kind: 'file', paths: ['sos_commands/usb/lsusb'] },
};
