/**
 * The edits ptdoctor can make itself, as data. Each is idempotent (running it twice changes
 * nothing the second time) and is rendered into shell by src/fixes/edit-script.ts; `describeEdit`
 * says the same change in words for the report.
 *
 * - kernel-cmdline: words of a kernel command line held in a shell variable of /etc/default/grub
 *   (grub-mkconfig sources it; GRUB_CMDLINE_LINUX and GRUB_CMDLINE_LINUX_DEFAULT), on the one line
 *   of /etc/kernel/cmdline (kernel-install(8), proxmox-boot-tool), or on the `options` line of a
 *   boot loader entry (UAPI.1 Boot Loader Specification, "options").
 * - module-list: one module per line (modules-load.d(5), /etc/modules, initramfs-tools' modules).
 * - lines: whole lines of a file whose order does not matter (modprobe.d(5) softdep/blacklist).
 * - modprobe-option: the comma list of one `options <module> <option>=` (modprobe.d(5)); modprobe
 *   passes every `options` line of a module, and for one parameter the last value wins, so ids go
 *   into the one list rather than a second line.
 * - shell-array: a bash array of mkinitcpio.conf(5) (`MODULES=(…)`, `FILES=(…)`).
 * - write-file: a file ptdoctor writes whole (a boot script, an initramfs hook, a unit).
 * - yaml-key, yaml-rename: a top-level `key: value` of the Cloudpods host.conf, set or renamed in place.
 */
import { displayParts, type PlanInput } from './shell.js';

/** One kernel argument: literal text, possibly with a value the person provides (`hugepages=` + PTD_HUGEPAGES). */
export type KernelArgText = readonly (string | PlanInput)[];

export type CmdlineLocation =
  /** Adds go to the last assignment of `variables[0]`; removals apply to every variable listed. */
  | { readonly kind: 'shell-variable'; readonly variables: readonly string[] }
  | { readonly kind: 'one-line' }
  | { readonly kind: 'entry-options' };

export type FileEdit =
  | {
      readonly op: 'kernel-cmdline';
      readonly location: CmdlineLocation;
      readonly add: readonly KernelArgText[];
      /** Exact arguments to drop; an item with spaces drops that run of adjacent arguments (`hugepagesz=1G hugepages=64`). */
      readonly remove: readonly string[];
      /** Drop every argument with this name, whatever its value (names compare with `-` and `_` alike, as the kernel's parameq does). */
      readonly removeNames: readonly string[];
      /** Replace an exact argument where it stands (the order of `hugepagesz=`/`hugepages=` matters). */
      readonly replace?: readonly { readonly from: string; readonly to: KernelArgText }[];
    }
  | { readonly op: 'module-list'; readonly add: readonly string[]; readonly remove: readonly string[] }
  | { readonly op: 'lines'; readonly add: readonly string[]; readonly remove: readonly string[] }
  | {
      readonly op: 'modprobe-option';
      readonly module: string;
      readonly option: string;
      readonly add: readonly string[];
      readonly remove: readonly string[];
      /** Drop the whole option, whatever its value. */
      readonly removeOption: boolean;
    }
  | { readonly op: 'shell-array'; readonly variable: string; readonly add: readonly string[] }
  | { readonly op: 'write-file'; readonly lines: readonly string[]; readonly executable: boolean }
  | { readonly op: 'yaml-key'; readonly key: string; readonly value: string }
  /** Rename a top-level key in place, keeping its value and the `- ` items under it. */
  | { readonly op: 'yaml-rename'; readonly from: string; readonly to: string };

const list = (xs: readonly string[]): string => xs.join(' ');

function describeCmdline(e: Extract<FileEdit, { op: 'kernel-cmdline' }>): string {
  const parts: string[] = [];
  if (e.add.length > 0) parts.push(`add ${e.add.map(displayParts).join(' ')}`);
  const gone = [...e.remove, ...e.removeNames.map((n) => `${n}=…`)];
  if (gone.length > 0) parts.push(`remove ${list(gone)}`);
  for (const r of e.replace ?? []) parts.push(`replace ${r.from} with ${displayParts(r.to)} where it stands`);
  const what = parts.join(' and ');
  switch (e.location.kind) {
    case 'shell-variable': {
      const [first, ...rest] = e.location.variables;
      const removal = rest.length > 0 && gone.length > 0 ? ` (removals also from ${rest.join(', ')})` : '';
      return `in ${first ?? 'the variable'}="…", ${what}${removal}`;
    }
    case 'one-line':
      return `${what} (the file is one line of parameters)`;
    case 'entry-options':
      return `on the options line, ${what}`;
    default: {
      const never: never = e.location;
      return never;
    }
  }
}

/** The change in words, for the report and the plan's comments. */
export function describeEdit(e: FileEdit): string {
  switch (e.op) {
    case 'kernel-cmdline':
      return describeCmdline(e);
    case 'module-list':
      return [
        e.add.length > 0 ? `one module per line: ${e.add.join(', ')}` : '',
        e.remove.length > 0 ? `delete the line ${e.remove.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'lines':
      return [
        e.add.length > 0 ? `add the line(s): ${e.add.join(' ; ')}` : '',
        e.remove.length > 0 ? `delete the line(s): ${e.remove.join(' ; ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
    case 'modprobe-option': {
      const head = `options ${e.module} ${e.option}=`;
      if (e.removeOption) return `remove ${e.option}= from the "options ${e.module}" line (drop the line when nothing else is on it)`;
      return [
        e.add.length > 0 ? `${head}${e.add.join(',')} (into the ${e.option}= list the host already has, else a new line)` : '',
        e.remove.length > 0 ? `remove ${e.remove.join(',')} from ${head} (drop the line when no value is left)` : '',
      ]
        .filter(Boolean)
        .join('; ');
    }
    case 'shell-array':
      return `add ${list(e.add)} to ${e.variable}=( … )`;
    case 'write-file':
      return `${e.executable ? 'an executable file' : 'a file'} with these lines:\n${e.lines.join('\n')}`;
    case 'yaml-key':
      return `set ${e.key}: ${e.value}`;
    case 'yaml-rename':
      return `rename ${e.from}: to ${e.to}: (keeping its value and its - items)`;
    default: {
      const never: never = e;
      return never;
    }
  }
}
