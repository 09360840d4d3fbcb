/**
 * One order for the steps of many fixes that keeps the order inside each fix (edit, rebuild the
 * initramfs, regenerate the boot configuration, reboot, re-probe): every fix is a chain of steps,
 * equal steps of different fixes are one node, and a topological sort picks, among the steps whose
 * predecessors are done, firmware first, then notes, edits, commands, the reboot, what runs after
 * it, and the checks — each kind in the order the fixes first asked for it. Steps that only make
 * sense after a reboot (restarting a service that reads its configuration at start, probing devices
 * again) and every check follow the plan's reboot when it has one. Fixes that ask for two steps in
 * opposite orders cannot both be kept: that is reported, and the first-asked order wins.
 */
import type { FixStep } from '../fixes/fix.js';

export interface OrderedNode {
  readonly key: string;
  readonly step: FixStep;
  readonly from: readonly string[];
}

function rank(step: FixStep, hasReboot: boolean): number {
  switch (step.kind) {
    case 'firmware':
      return 0;
    case 'note':
      return 1;
    case 'edit-file':
      return 2;
    case 'run':
      return step.afterReboot && hasReboot ? 5 : 3;
    case 'reboot':
      return 4;
    case 'verify':
      return 6;
    default: {
      const never: never = step;
      return never;
    }
  }
}

export interface Ordered {
  readonly nodes: readonly OrderedNode[];
  /** Pairs of steps two fixes want in opposite orders. */
  readonly cycles: readonly string[];
}

/** `chains`: per fix, its rule id and the node key of each step in order; `steps`: the step of each key. */
export function orderSteps(
  chains: readonly { readonly rule: string; readonly keys: readonly string[] }[],
  steps: ReadonlyMap<string, FixStep>,
): Ordered {
  const from = new Map<string, string[]>();
  const firstSeen = new Map<string, number>();
  const next = new Map<string, Set<string>>();
  const indegree = new Map<string, number>();
  for (const [key] of steps) {
    next.set(key, new Set());
    indegree.set(key, 0);
  }
  const edge = (a: string, b: string): void => {
    if (a === b || next.get(a)!.has(b)) return;
    next.get(a)!.add(b);
    indegree.set(b, indegree.get(b)! + 1);
  };
  for (const c of chains)
    c.keys.forEach((k, i) => {
      if (!firstSeen.has(k)) firstSeen.set(k, firstSeen.size);
      const f = from.get(k) ?? [];
      if (!f.includes(c.rule)) f.push(c.rule);
      from.set(k, f);
      if (i > 0) edge(c.keys[i - 1]!, k);
    });
  const reboot = [...steps].find(([, s]) => s.kind === 'reboot')?.[0];
  if (reboot !== undefined) for (const [k, s] of steps) if ((s.kind === 'run' && s.afterReboot) || s.kind === 'verify') edge(reboot, k);

  const hasReboot = reboot !== undefined;
  const order: OrderedNode[] = [];
  const done = new Set<string>();
  const better = (a: string, b: string): boolean => {
    const ra = rank(steps.get(a)!, hasReboot);
    const rb = rank(steps.get(b)!, hasReboot);
    return ra !== rb ? ra < rb : firstSeen.get(a)! < firstSeen.get(b)!;
  };
  // The steps whose predecessors are done, best first: a heap, so a plan of thousands of fixes
  // costs a log per step, not a scan of every step per step.
  const ready = new StepHeap(better);
  for (const k of steps.keys()) if (indegree.get(k) === 0) ready.push(k);
  // Cycles are broken at the earliest-asked step left.
  const byFirstSeen = [...steps.keys()].sort((a, b) => firstSeen.get(a)! - firstSeen.get(b)!);
  let earliest = 0;
  const cycles: string[] = [];
  while (done.size < steps.size) {
    let pick = ready.pop();
    while (pick !== undefined && done.has(pick)) pick = ready.pop();
    if (pick === undefined) {
      // A cycle: two fixes want steps in opposite orders. Take the earliest-asked remaining step.
      while (done.has(byFirstSeen[earliest]!)) earliest += 1;
      pick = byFirstSeen[earliest]!;
      cycles.push(pick);
    }
    done.add(pick);
    order.push({ key: pick, step: steps.get(pick)!, from: from.get(pick) ?? [] });
    for (const n of next.get(pick)!) {
      const left = indegree.get(n)! - 1;
      indegree.set(n, left);
      if (left === 0 && !done.has(n)) ready.push(n);
    }
  }
  return { nodes: order, cycles };
}

/** A binary min-heap of step keys under `before` (a strict order: no two keys tie). */
class StepHeap {
  private readonly keys: string[] = [];

  constructor(private readonly before: (a: string, b: string) => boolean) {}

  push(key: string): void {
    const h = this.keys;
    h.push(key);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  pop(): string | undefined {
    const h = this.keys;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < h.length && this.before(h[l]!, h[best]!)) best = l;
      if (r < h.length && this.before(h[r]!, h[best]!)) best = r;
      if (best === i) return top;
      [h[i], h[best]] = [h[best]!, h[i]!];
      i = best;
    }
  }
}
