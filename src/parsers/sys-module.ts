/**
 * `ls /sys/module` (evidence id `sys-module`): every module the kernel knows, loaded or built in
 * with parameters or a version, one name per line.
 *
 * Sample: test/fixtures/sys-module/firecracker-6.18.txt, lines 1–3 (verbatim):
 *   8250
 *   acpi
 *   amd_uncore
 * Output: the listed names (NameList) plus `byKey`, the listed entry for each module name with
 * `-` folded to `_`.
 * Quirks: built-in code shows up here too (this kernel runs with `nomodule` and has no
 * /proc/modules, yet lists `virtio_pci`, `kvm`…), so presence here means "in the kernel", not
 * "loaded as a module"; names use `_` (`virtio_pci`) while lspci prints driver names with `-`
 * (`virtio-pci`, test/fixtures/lspci-nnk/firecracker-6.18.txt).
 */
import { parseNameList, type ListedName, type NameList } from './name-list.js';
import { moduleKey } from './module-name.js';

export interface SysModuleList extends NameList {
  readonly byKey: Readonly<Record<string, ListedName>>;
}

export function parseSysModule(text: string): SysModuleList {
  const list = parseNameList(text);
  const byKey: Record<string, ListedName> = Object.create(null) as Record<string, ListedName>;
  for (const n of list.names) byKey[moduleKey(n.name)] = n;
  return { ...list, byKey };
}

export function sysModuleHas(list: SysModuleList, name: string): ListedName | undefined {
  return list.byKey[moduleKey(name)];
}
