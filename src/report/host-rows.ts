/**
 * The host summary shown at the top of every report: CPU, architecture, distro, kernel, boot mode,
 * bootloader, virtualization. Unknown parts say "unknown" rather than disappear. An Arm CPU is
 * named by its core and implementer (it has no vendor_id), and an arm64 host booted without UEFI
 * is a device-tree boot, not a BIOS one.
 */
import type { Facts } from '../facts/facts.js';
import { visibleLine } from './visible-text.js';

export function hostRows(facts: Facts): { label: string; value: string }[] {
  const h = facts.host.state === 'known' ? facts.host.value : null;
  const cpu = facts.cpu.state === 'known' ? facts.cpu.value : null;
  const virt = facts.virtualization.state === 'known' ? facts.virtualization.value : null;
  const u = (v: string | null | undefined): string => (v ? visibleLine(v) : 'unknown');
  const arm = h?.arch === 'aarch64';
  const cpuText = !cpu
    ? 'unknown'
    : arm
      ? `${u(cpu.modelName)}, ${u(cpu.vendorId)}`
      : `${u(cpu.modelName ?? cpu.vendorId)} (${cpu.vendor})`;
  return [
    { label: 'CPU', value: cpuText },
    { label: 'Architecture', value: architecture(h?.arch ?? null, h?.machine ?? null) },
    { label: 'Distribution', value: h?.distroName ? `${u(h.distroName)} (${h.distro ?? 'other'})` : 'unknown' },
    { label: 'Kernel', value: u(h?.kernelRelease) },
    {
      label: 'Boot mode',
      value: h?.bootMode === 'uefi' ? 'UEFI' : h?.bootMode === 'bios' ? (arm ? 'no UEFI (device-tree boot)' : 'BIOS (legacy)') : 'unknown',
    },
    { label: 'Bootloader', value: u(h?.bootloader) },
    {
      label: 'Virtualization',
      value: virt ? (virt.isVirtualMachine ? `virtual machine (${u(virt.hypervisor)})` : 'bare metal') : 'unknown',
    },
  ];
}

function architecture(arch: string | null, machine: string | null): string {
  if (arch === 'x86_64') return 'x86_64';
  if (arch === 'aarch64') return 'aarch64 (ARM64)';
  if (arch === 'other') return `${visibleLine(machine ?? 'other')} (not supported yet: checks that depend on the platform stay undecided)`;
  return 'unknown';
}
