/**
 * Edits of two fixes that undo each other: one adds what the other removes (a kernel argument, a
 * vfio-pci id, a module, a line), or both set one thing to different values (a host.conf key, a
 * file written whole, a parameter one of them replaces by name). The plan shows such a pair as a
 * conflict for a person to decide, and runs neither, instead of merging them.
 */
import type { FileEdit } from '../fixes/file-edit.js';
import { displayParts } from '../fixes/shell.js';

export interface EditNode {
  readonly key: string;
  readonly path: string;
  readonly edit: FileEdit;
  readonly from: readonly string[];
  /** The findings (by index) whose fixes hold this edit: edits of one fix never conflict. */
  readonly fixes: readonly number[];
}

/** What an edit puts in place and what it takes away, as comparable claims about one file. */
interface Claims {
  readonly adds: readonly string[];
  readonly removes: readonly ((claim: string) => boolean)[];
  /** Things set to one value: `subject` must agree across edits. */
  readonly sets: readonly { readonly subject: string; readonly value: string }[];
}

const fold = (s: string): string => s.replaceAll('-', '_');
const argName = (a: string): string => fold(a.includes('=') ? a.slice(0, a.indexOf('=')) : a);
const argClaim = (a: string): string => `arg:${argName(a)}=${a.includes('=') ? a.slice(a.indexOf('=') + 1) : ''}`;

function claimsOf(edit: FileEdit): Claims {
  switch (edit.op) {
    case 'kernel-cmdline': {
      const added = [...edit.add, ...(edit.replace ?? []).map((r) => r.to)].map(displayParts);
      const removedArgs = [...edit.remove.flatMap((r) => r.split(' ')), ...(edit.replace ?? []).map((r) => r.from)].map(argClaim);
      const names = edit.removeNames.map(fold);
      return {
        adds: added.map(argClaim),
        removes: [(c) => removedArgs.includes(c), (c) => c.startsWith('arg:') && names.includes(c.slice(4, c.indexOf('=')))],
        // Replacing an argument by name means it should end with exactly the value added.
        sets: added.filter((a) => names.includes(argName(a))).map((a) => ({ subject: `arg:${argName(a)}`, value: a })),
      };
    }
    case 'modprobe-option': {
      const base = `opt:${fold(edit.module)}:${fold(edit.option)}:`;
      return {
        adds: edit.add.map((i) => base + i.toLowerCase()),
        removes: [(c) => edit.remove.some((i) => c === base + i.toLowerCase()), (c) => edit.removeOption && c.startsWith(base)],
        sets: [],
      };
    }
    case 'module-list':
      return { adds: edit.add.map((m) => `mod:${fold(m)}`), removes: [(c) => edit.remove.some((m) => c === `mod:${fold(m)}`)], sets: [] };
    case 'lines': {
      const norm = (l: string): string => `line:${l.trim().replace(/[ \t]+/g, ' ')}`;
      return { adds: edit.add.map(norm), removes: [(c) => edit.remove.some((l) => c === norm(l))], sets: [] };
    }
    case 'shell-array':
      return { adds: edit.add.map((w) => `array:${edit.variable}:${w}`), removes: [], sets: [] };
    case 'write-file':
      return { adds: [], removes: [], sets: [{ subject: 'content', value: edit.lines.join('\n') }] };
    case 'yaml-key':
      return { adds: [], removes: [], sets: [{ subject: `key:${edit.key}`, value: edit.value }] };
    case 'yaml-rename':
      return { adds: [`key:${edit.to}`], removes: [(c) => c === `key:${edit.from}`], sets: [] };
    default: {
      const never: never = edit;
      return never;
    }
  }
}

/** Node key → why it conflicts, for every edit that conflicts with an edit of another fix. */
export function findConflicts(nodes: readonly EditNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const claims = nodes.map((n) => ({ n, c: claimsOf(n.edit) }));
  const note = (a: EditNode, b: EditNode, what: string): void => {
    const text = `${what} (${a.from.join(', ')} against ${b.from.join(', ')})`;
    if (!out.has(a.key)) out.set(a.key, text);
    if (!out.has(b.key)) out.set(b.key, text);
  };
  for (let i = 0; i < claims.length; i += 1)
    for (let j = 0; j < claims.length; j += 1) {
      if (i === j) continue;
      const a = claims[i]!;
      const b = claims[j]!;
      // The same file, or any two kernel command lines (they all end up on the one the kernel boots with).
      const sameTarget = a.n.path === b.n.path || (a.n.edit.op === 'kernel-cmdline' && b.n.edit.op === 'kernel-cmdline');
      if (!sameTarget || a.n.fixes.some((f) => b.n.fixes.includes(f))) continue;
      const undone = a.c.adds.find((claim) => b.c.removes.some((r) => r(claim)) && !b.c.adds.includes(claim));
      if (undone !== undefined) note(a.n, b.n, `${a.n.path}: one fix adds ${undone.slice(undone.indexOf(':') + 1)}, another takes it away`);
      for (const s of a.c.sets) {
        const other = b.c.sets.find((t) => t.subject === s.subject && t.value !== s.value);
        if (other) note(a.n, b.n, `${a.n.path}: two fixes set ${s.subject.slice(s.subject.indexOf(':') + 1) || 'the content'} differently`);
      }
    }
  return out;
}
