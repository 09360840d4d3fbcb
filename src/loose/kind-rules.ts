/**
 * Every kind rule in the order a line is tried: when a line fits several kinds on its own, the
 * first wins. The kernel's own stamp comes first (a stamped line quoting `qemu-system` is still
 * the kernel's); the host service's and QEMU's lines come before the unstamped kernel shapes they
 * quote (`qemu-system-x86_64: … vfio 0000:82:00.0: failed …`); IOMMU group listings before the
 * lspci lines they embed; a command line last among the one-line kinds, as its test is the loosest.
 */
import type { KindRule } from './kind-rule.js';
import type { PieceKind } from './piece-kind.js';
import {
  blsEntryRule,
  cmdlineRule,
  defaultGrubRule,
  dracutRule,
  grubCfgRule,
  kernelCmdlineFileRule,
  mkinitcpioRule,
  modprobeRule,
  modulesListRule,
} from './rules-boot-modules.js';
import { dpdkLogRule, hostConfRule, hostServiceLogRule, qemuLogRule } from './rules-cloudpods-qemu.js';
import { iommuGroupsRule, lspciRule, stampedKernelRule, unstampedKernelRule } from './rules-kernel-pci.js';
import {
  cpuinfoRule,
  detectVirtRule,
  dmidecodeRule,
  dmiSysfsRule,
  iomemRule,
  lsmodRule,
  meminfoRule,
  osReleaseRule,
  procModulesRule,
  sriovRule,
  unameRule,
} from './rules-platform.js';

export const KIND_RULES: readonly KindRule[] = [
  stampedKernelRule,
  hostServiceLogRule,
  qemuLogRule,
  dpdkLogRule,
  iommuGroupsRule,
  lspciRule,
  unstampedKernelRule,
  dmidecodeRule,
  iomemRule,
  procModulesRule,
  lsmodRule,
  unameRule,
  meminfoRule,
  cpuinfoRule,
  defaultGrubRule,
  grubCfgRule,
  dracutRule,
  mkinitcpioRule,
  osReleaseRule,
  hostConfRule,
  modprobeRule,
  blsEntryRule,
  cmdlineRule,
  detectVirtRule,
  modulesListRule,
  kernelCmdlineFileRule,
  dmiSysfsRule,
  sriovRule,
];

export function rulesOf(kind: PieceKind): readonly KindRule[] {
  return KIND_RULES.filter((r) => r.kind === kind);
}

export function strongFor(kind: PieceKind, text: string): boolean {
  return rulesOf(kind).some((r) => r.strong(text));
}

export function weakFor(kind: PieceKind, text: string): boolean {
  return rulesOf(kind).some((r) => r.weak(text));
}

export function isSingle(kind: PieceKind): boolean {
  return rulesOf(kind).some((r) => r.single === true);
}

export function backfills(kind: PieceKind): boolean {
  return rulesOf(kind).some((r) => r.backfill === true);
}

/** The first kind that claims the line on its own, or null. */
export function strongKinds(text: string): PieceKind[] {
  const out: PieceKind[] = [];
  for (const r of KIND_RULES) if (!r.hintOnly && !out.includes(r.kind) && r.strong(text)) out.push(r.kind);
  return out;
}
