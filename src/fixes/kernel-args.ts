/**
 * Kernel parameters a fix adds or removes, as typed values: each is one argument (`name` or
 * `name=value`) checked against the kernel-parameter pattern of src/fixes/identifiers.ts before any
 * command or file sees it. Rules pass the `raw` of a parsed KernelParam (src/parsers/cmdline.ts),
 * never text cut out of an evidence line.
 */
import type { KernelArgText } from './file-edit.js';
import type { FixStep } from './fix.js';
import { isIdentifier, rejectedNote } from './identifiers.js';
import { displayParts } from './shell.js';

/** Parameters to add to and remove from the kernel command line. */
export interface ParamChange {
  /** An argument, or one whose value the person provides (`['hugepages=', input('PTD_HUGEPAGES')]`). */
  readonly add: readonly (string | KernelArgText)[];
  /** Exact arguments to drop; an item with spaces is a run of adjacent arguments. */
  readonly remove: readonly string[];
  /** Drop every argument of these names, whatever the value (`vfio_pci.ids` before adding a new list). */
  readonly removeNames?: readonly string[];
  /**
   * Arguments replaced where they stand: the order matters for `hugepagesz=1G hugepages=64`, where
   * the count belongs to the size before it (Documentation/admin-guide/mm/hugetlbpage.rst), and a
   * second `hugepagesz=` of the same size is ignored with the `hugepages=` after it.
   */
  readonly replace?: readonly { readonly from: string; readonly to: string | KernelArgText }[];
}

/** A change whose every argument is a valid kernel parameter, with a note for each one that was not. */
export interface CheckedChange {
  readonly add: readonly KernelArgText[];
  readonly remove: readonly string[];
  readonly removeNames: readonly string[];
  readonly replace: readonly { readonly from: string; readonly to: KernelArgText }[];
  readonly refused: readonly FixStep[];
}

const WHAT = 'Change this parameter by hand if it is really meant.';

/** The literal text of an argument with a provided value stands in as `0` for the check (a count). */
const checkable = (a: KernelArgText): string => a.map((p) => (typeof p === 'string' ? p : '0')).join('');

export function checkChange(change: ParamChange): CheckedChange {
  const refused: FixStep[] = [];
  const add: KernelArgText[] = [];
  for (const a of change.add) {
    const parts: KernelArgText = typeof a === 'string' ? [a] : a;
    if (isIdentifier('kernel-parameter', checkable(parts))) add.push(parts);
    else refused.push(rejectedNote('kernel-parameter', displayParts(parts), WHAT));
  }
  const remove: string[] = [];
  for (const r of change.remove) {
    const words = r.split(' ').filter((w) => w !== '');
    if (words.length > 0 && words.every((w) => isIdentifier('kernel-parameter', w))) remove.push(words.join(' '));
    else refused.push(rejectedNote('kernel-parameter', r, WHAT));
  }
  const removeNames: string[] = [];
  for (const n of change.removeNames ?? []) {
    if (isIdentifier('kernel-parameter', n) && !n.includes('=')) removeNames.push(n);
    else refused.push(rejectedNote('kernel-parameter', n, WHAT));
  }
  const replace: { from: string; to: KernelArgText }[] = [];
  for (const r of change.replace ?? []) {
    const to: KernelArgText = typeof r.to === 'string' ? [r.to] : r.to;
    if (isIdentifier('kernel-parameter', r.from) && isIdentifier('kernel-parameter', checkable(to))) replace.push({ from: r.from, to });
    else refused.push(rejectedNote('kernel-parameter', `${r.from} → ${displayParts(to)}`, WHAT));
  }
  return { add, remove, removeNames, replace, refused };
}

export const argText = (a: KernelArgText): string => displayParts(a);

/** The parameter name of an argument (`vfio-pci.ids` of `vfio-pci.ids=10de:1b80`), folded as the kernel's parameq folds it. */
export function paramName(arg: string): string {
  const i = arg.indexOf('=');
  return (i < 0 ? arg : arg.slice(0, i)).replaceAll('-', '_');
}
