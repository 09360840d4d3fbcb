/**
 * Names from the bundle that a fix puts into a command or a file must be names, not text: a
 * driver from `lspci -nnk`, a module from /proc/modules, an EFI directory from the bundle's paths,
 * a kernel parameter from /proc/cmdline. Each kind has a strict pattern; a value that fails it is
 * never used in a command — the step becomes a note that says why (`rejectedNote`).
 *
 * Where each pattern comes from:
 * - module: MODULE_NAME_LEN is 64 − sizeof(unsigned long) = 56 (include/linux/module.h); modprobe
 *   treats `-` and `_` alike; letters, digits, `_` and `-` cover every in-tree module name.
 * - driver: a PCI driver's name (struct pci_driver.name), printed by lspci as "Kernel driver in
 *   use": the same characters (`vfio-pci`, `bochs-drm`, `snd_hda_intel`).
 * - kernel parameter name: Documentation/admin-guide/kernel-parameters.rst, `module.param` form;
 *   letters, digits, `_`, `-` and `.`. A value may carry `,` `:` `=` `/` `+` `@` `%` (`iommu=pt,nopt`,
 *   `vfio-pci.ids=10de:1b80`, `root=/dev/mapper/rl-root`); anything else (quotes, spaces, `$`) is
 *   refused here rather than quoted, because it would also have to survive /etc/default/grub.
 * - PCI address: the normalised `dddd:bb:dd.f` of src/parsers/pci-address.ts; ids `vvvv:dddd`,
 *   optionally with `:ssss:ssss` (vfio-pci `ids=` takes subvendor:subdevice too).
 * - EFI directory: one path component under /boot/efi/EFI (FAT names, no `/`).
 * - path: absolute, under a root a fix may edit, no `..` or empty component.
 * - host.conf key: the snake_case option names of the Cloudpods host service.
 */
import type { FixStep } from './fix.js';

export type IdentifierKind =
  'module' | 'driver' | 'kernel-parameter' | 'pci-address' | 'pci-id' | 'efi-directory' | 'path' | 'hostconf-key' | 'count';

const PATTERNS: Readonly<Record<IdentifierKind, { readonly re: RegExp; readonly rule: string }>> = {
  module: { re: /^[\w-]{1,56}$/, rule: 'letters, digits, _ and -, at most 56' },
  driver: { re: /^[\w-]{1,64}$/, rule: 'letters, digits, _ and -' },
  'kernel-parameter': {
    re: /^\w[\w.-]{0,127}(?:=[\w.,:=/+@%-]{0,1024})?$/,
    rule: 'a name of letters, digits, _ - and ., then =value without quotes, spaces or shell characters',
  },
  'pci-address': { re: /^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/, rule: 'dddd:bb:dd.f in lower-case hex' },
  'pci-id': { re: /^[0-9a-f]{4}:[0-9a-f]{4}(?::[0-9a-f]{4}:[0-9a-f]{4})?$/, rule: 'vvvv:dddd in lower-case hex' },
  'efi-directory': { re: /^[A-Z0-9][\w.-]{0,63}$/i, rule: 'one directory name of letters, digits, . _ and -' },
  path: {
    re: /^\/(?:etc|boot|usr\/local\/bin|usr\/bin|opt\/cloud)(?:\/[\w+@-][\w.+@-]{0,127}){1,8}$/,
    rule: 'an absolute path under /etc, /boot, /usr/local/bin, /usr/bin or /opt/cloud',
  },
  'hostconf-key': { re: /^[a-z][a-z0-9_]{0,63}$/, rule: 'a snake_case option name' },
  count: { re: /^(?:0|[1-9]\d{0,8})$/, rule: 'a whole number' },
};

export function isIdentifier(kind: IdentifierKind, value: string): boolean {
  const p = PATTERNS[kind];
  if (!p.re.test(value)) return false;
  // `.` and `..` components pass the character class; a path never needs them.
  return kind !== 'path' || !value.split('/').some((c) => c === '.' || c === '..');
}

/** How a refused value is shown: JSON-escaped, cut at 80 characters, so it stays on one comment line. */
export function showRefused(value: string): string {
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(cut);
}

/** The step that replaces a command whose value is not a name of its kind. */
export function rejectedNote(kind: IdentifierKind, value: string, what: string): FixStep {
  return {
    kind: 'note',
    text: `Not done automatically: the ${kind.replaceAll('-', ' ')} ${showRefused(value)} from the bundle is not valid (${PATTERNS[kind].rule}), so no command uses it. ${what}`,
  };
}

/** The values of a list that are names of the kind, and a note for each one that is not. */
export function partition(kind: IdentifierKind, values: readonly string[], what: string): { ok: string[]; notes: FixStep[] } {
  const ok: string[] = [];
  const notes: FixStep[] = [];
  for (const v of values) {
    if (isIdentifier(kind, v)) ok.push(v);
    else notes.push(rejectedNote(kind, v, what));
  }
  return { ok, notes };
}
