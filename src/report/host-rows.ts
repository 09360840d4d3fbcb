/**
 * The host summary shown at the top of every report: CPU, distro, kernel, boot mode, bootloader,
 * virtualization. Unknown parts say "unknown" rather than disappear.
 */
import type { Facts } from '../facts/facts.js';
import { visibleLine } from './visible-text.js';

export function hostRows(facts: Facts): { label: string; value: string }[] {
  const h = facts.host.state === 'known' ? facts.host.value : null;
  const cpu = facts.cpu.state === 'known' ? facts.cpu.value : null;
  const virt = facts.virtualization.state === 'known' ? facts.virtualization.value : null;
  const u = (v: string | null | undefined): string => (v ? visibleLine(v) : 'unknown');
  return [
    { label: 'CPU', value: cpu ? `${u(cpu.modelName ?? cpu.vendorId)} (${cpu.vendor})` : 'unknown' },
    { label: 'Distribution', value: h?.distroName ? `${u(h.distroName)} (${h.distro ?? 'other'})` : 'unknown' },
    { label: 'Kernel', value: u(h?.kernelRelease) },
    { label: 'Boot mode', value: h?.bootMode === 'uefi' ? 'UEFI' : h?.bootMode === 'bios' ? 'BIOS (legacy)' : 'unknown' },
    { label: 'Bootloader', value: u(h?.bootloader) },
    {
      label: 'Virtualization',
      value: virt ? (virt.isVirtualMachine ? `virtual machine (${u(virt.hypervisor)})` : 'bare metal') : 'unknown',
    },
  ];
}
