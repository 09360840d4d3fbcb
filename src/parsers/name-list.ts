/**
 * Directory listings printed one name per line (`ls -1` or `ls` into a pipe): evidence ids
 * `sys-module`, `sys-class-iommu`, `acpi-tables`, `efi`.
 *
 * Sample: test/fixtures/name-list/acpi-tables-firecracker-6.18.txt, lines 1–3 (verbatim):
 *   APIC
 *   DSDT
 *   FACP
 * Output: names in listing order with their line, plus `unparsed`.
 * Quirks: an empty listing is a real answer (this machine's /sys/class/iommu is empty: no IOMMU);
 * subdirectories appear as plain names (`data`, `dynamic` in the ACPI fixture); a line holding
 * blanks is not a sysfs name (an `ls -l` row, an error message) and goes to `unparsed`.
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface ListedName {
  readonly line: number;
  readonly text: string;
  readonly name: string;
}

export interface NameList {
  readonly names: readonly ListedName[];
  readonly unparsed: readonly UnparsedLine[];
}

export function parseNameList(text: string): NameList {
  const names: ListedName[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    const name = l.text.trim();
    if (name === '') continue;
    if (/\s/.test(name)) unparsed.push(l);
    else names.push({ line: l.line, text: l.text, name });
  }
  return { names, unparsed };
}

export function hasName(list: Pick<NameList, 'names'>, name: string): ListedName | undefined {
  return list.names.find((n) => n.name === name);
}
