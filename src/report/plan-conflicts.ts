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
  readonly removes: Removal;
  /** Things set to one value: `subject` must agree across edits. */
  readonly sets: readonly { readonly subject: string; readonly value: string }[];
}

/**
 * The claims an edit takes away, as data (so the claims another edit adds can be looked up, not
 * compared pair by pair): these claims exactly, kernel arguments by name (`arg:<name>=…`), and
 * whole modprobe options (every claim under `opt:<module>:<option>:`).
 */
interface Removal {
  readonly exact: readonly string[];
  readonly argNames: readonly string[];
  readonly optionPrefixes: readonly string[];
}

const NO_REMOVAL: Removal = { exact: [], argNames: [], optionPrefixes: [] };

/** The name of a kernel-argument claim (`arg:<name>=<value>`), or null for other claims. */
const argNameOf = (claim: string): string | null => (claim.startsWith('arg:') ? claim.slice(4, claim.indexOf('=')) : null);

/** The option a modprobe claim (`opt:<module>:<option>:<item>`) belongs to, as the prefix a removal names, or null. */
function optionPrefixOf(claim: string): string | null {
  if (!claim.startsWith('opt:')) return null;
  const option = claim.indexOf(':', claim.indexOf(':', 4) + 1);
  return option === -1 ? null : claim.slice(0, option + 1);
}

function removes(r: Removal, claim: string): boolean {
  if (r.exact.includes(claim)) return true;
  const name = argNameOf(claim);
  if (name !== null && r.argNames.includes(name)) return true;
  return r.optionPrefixes.some((p) => claim.startsWith(p));
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
        removes: { exact: removedArgs, argNames: names, optionPrefixes: [] },
        // Replacing an argument by name means it should end with exactly the value added.
        sets: added.filter((a) => names.includes(argName(a))).map((a) => ({ subject: `arg:${argName(a)}`, value: a })),
      };
    }
    case 'modprobe-option': {
      const base = `opt:${fold(edit.module)}:${fold(edit.option)}:`;
      return {
        adds: edit.add.map((i) => base + i.toLowerCase()),
        removes: { exact: edit.remove.map((i) => base + i.toLowerCase()), argNames: [], optionPrefixes: edit.removeOption ? [base] : [] },
        sets: [],
      };
    }
    case 'module-list':
      return {
        adds: edit.add.map((m) => `mod:${fold(m)}`),
        removes: { ...NO_REMOVAL, exact: edit.remove.map((m) => `mod:${fold(m)}`) },
        sets: [],
      };
    case 'lines': {
      const norm = (l: string): string => `line:${l.trim().replace(/[ \t]+/g, ' ')}`;
      return { adds: edit.add.map(norm), removes: { ...NO_REMOVAL, exact: edit.remove.map(norm) }, sets: [] };
    }
    case 'shell-array':
      return { adds: edit.add.map((w) => `array:${edit.variable}:${w}`), removes: NO_REMOVAL, sets: [] };
    case 'write-file':
      return { adds: [], removes: NO_REMOVAL, sets: [{ subject: 'content', value: edit.lines.join('\n') }] };
    case 'yaml-key':
      return { adds: [], removes: NO_REMOVAL, sets: [{ subject: `key:${edit.key}`, value: edit.value }] };
    case 'yaml-rename':
      return { adds: [`key:${edit.to}`], removes: { ...NO_REMOVAL, exact: [`key:${edit.from}`] }, sets: [] };
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
  // Only pairs that could conflict are compared (one fixes a plan of thousands of edits to one
  // file would otherwise compare every pair), in the order a comparison of every pair would take.
  for (const [i, j] of candidatePairs(
    claims.map((x) => x.c),
    (i) => targetsOf(nodes[i]!),
  )) {
    const a = claims[i]!;
    const b = claims[j]!;
    if (a.n.fixes.some((f) => b.n.fixes.includes(f))) continue;
    const undone = a.c.adds.find((claim) => removes(b.c.removes, claim) && !b.c.adds.includes(claim));
    if (undone !== undefined) note(a.n, b.n, `${a.n.path}: one fix adds ${undone.slice(undone.indexOf(':') + 1)}, another takes it away`);
    for (const s of a.c.sets) {
      const other = b.c.sets.find((t) => t.subject === s.subject && t.value !== s.value);
      if (other) note(a.n, b.n, `${a.n.path}: two fixes set ${s.subject.slice(s.subject.indexOf(':') + 1) || 'the content'} differently`);
    }
  }
  return out;
}

/** What two edits must share to conflict: the same file, or both the kernel command line (they all end up on the one the kernel boots with). */
function targetsOf(n: EditNode): string[] {
  return n.edit.op === 'kernel-cmdline' ? [`file:${n.path}`, 'kernel-cmdline'] : [`file:${n.path}`];
}

/**
 * The pairs [i, j] (i ≠ j, same target) where edit j takes away a claim edit i adds, or both set
 * one subject: found through indexes of what each edit adds and sets, sorted.
 */
function candidatePairs(claims: readonly Claims[], targets: (i: number) => readonly string[]): [number, number][] {
  const adders = new Map<string, number[]>();
  const setters = new Map<string, number[]>();
  const index = (map: Map<string, number[]>, key: string, i: number): void => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  claims.forEach((c, i) => {
    for (const t of targets(i)) {
      for (const claim of c.adds) {
        index(adders, `${t}\u0000=${claim}`, i);
        const name = argNameOf(claim);
        if (name !== null) index(adders, `${t}\u0000arg:${name}`, i);
        const prefix = optionPrefixOf(claim);
        if (prefix !== null) index(adders, `${t}\u0000opt:${prefix}`, i);
      }
      for (const s of c.sets) index(setters, `${t}\u0000${s.subject}`, i);
    }
  });
  const pairs = new Set<number>();
  const n = claims.length;
  const pair = (i: number, j: number): void => {
    if (i !== j) pairs.add(i * n + j);
  };
  claims.forEach((c, j) => {
    for (const t of targets(j)) {
      const keys = [
        ...c.removes.exact.map((claim) => `${t}\u0000=${claim}`),
        ...c.removes.argNames.map((name) => `${t}\u0000arg:${name}`),
        ...c.removes.optionPrefixes.map((prefix) => `${t}\u0000opt:${prefix}`),
      ];
      for (const key of keys) for (const i of adders.get(key) ?? []) pair(i, j);
      for (const s of c.sets) for (const i of setters.get(`${t}\u0000${s.subject}`) ?? []) pair(i, j);
    }
  });
  return [...pairs].sort((x, y) => x - y).map((p) => [Math.floor(p / n), p % n]);
}
