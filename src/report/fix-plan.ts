/**
 * Merge the fixes of all failing findings into one plan for the host, in an order that keeps each
 * fix's own order (src/report/plan-order.ts): firmware settings, the edits and commands before the
 * reboot, the reboot, what runs after it, and the checks. Equal steps of several fixes appear once
 * (checks are equal when both the command and the expectation are); edits of two fixes that undo
 * each other are shown as a conflict and not run (src/report/plan-conflicts.ts); fixes of info-level
 * findings are listed apart, as suggestions that the script does not run. The commands were built
 * for this host's distro, bootloader and boot mode by src/fixes, so the plan names that host.
 */
import type { Finding } from '../engine/finding.js';
import type { HostProfile } from '../facts/host-profile.js';
import type { FixStep } from '../fixes/fix.js';
import { inputsIn, type PlanInputName } from '../fixes/shell.js';
import { describeStep } from './fix-step-text.js';
import { findConflicts, type EditNode } from './plan-conflicts.js';
import { orderSteps, type OrderedNode } from './plan-order.js';
import { mainScript, verifyScript } from './plan-script.js';
import { visibleLine, visibleText } from './visible-text.js';

export type PlanSectionKind = 'conflicts' | 'firmware' | 'before-reboot' | 'reboot' | 'after-reboot' | 'verify' | 'optional';

export interface PlanItem {
  readonly text: string;
  readonly command: string | null;
  /** Rule ids whose fixes asked for this step. */
  readonly from: string;
  /** Why this step is not run: it conflicts with a step of another fix. */
  readonly conflict: string | null;
  /** A step only a person can do (a setting, a note, an edit in words, a command with a placeholder). */
  readonly manual: boolean;
}

export interface PlanSection {
  readonly kind: PlanSectionKind;
  readonly title: string;
  readonly items: readonly PlanItem[];
}

export interface FixPlan {
  readonly sections: readonly PlanSection[];
  readonly hasSteps: boolean;
  /** "Debian GNU/Linux 12 (debian-like), UEFI, grub": who the commands were written for. */
  readonly forHost: string;
  /** The script up to the reboot: edits and commands as shell, manual steps printed at the end. */
  readonly script: string;
  /** What runs after the reboot and the checks (empty when there are none). */
  readonly verifyScript: string;
}

const TITLES: Readonly<Record<PlanSectionKind, string>> = {
  conflicts: 'Conflicts between fixes (decide first; neither side is run)',
  firmware: 'Hardware and firmware setup (before anything else)',
  'before-reboot': 'Before the reboot, in this order',
  reboot: 'Reboot',
  'after-reboot': 'After the reboot',
  verify: 'After the reboot, verify',
  optional: 'Optional suggestions (info-level findings; not run)',
};

/** `<host>`, `<N>`: a word for the reader to replace, never something to run. */
const PLACEHOLDER = /<[A-Z][^<>\n]{0,40}>/i;

function keyOf(step: FixStep): string {
  switch (step.kind) {
    case 'run':
      return `run\u0000${step.command}\u0000${step.afterReboot ? 'after' : ''}`;
    case 'verify':
      return `verify\u0000${step.command}\u0000${step.expect}`;
    case 'edit-file':
      return `edit\u0000${step.path}\u0000${step.edit ? JSON.stringify(step.edit) : step.change}`;
    case 'firmware':
      return `firmware\u0000${step.setting}`;
    case 'note':
      return `note\u0000${step.text}`;
    case 'reboot':
      return 'reboot';
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** Where a fix's earliest step lands in the plan (0 = hardware and firmware): the board's "first fix" is the one the plan starts with. */
export function planRank(steps: readonly FixStep[]): number {
  if (steps.length === 0) return 5;
  if (steps.some((s) => s.kind === 'firmware')) return 0;
  const first = steps[0]!;
  return first.kind === 'reboot' ? 2 : first.kind === 'verify' ? 4 : 1;
}

function item(node: OrderedNode, conflict: string | null): PlanItem {
  const d = describeStep(node.step);
  const command = d.command === null ? null : visibleText(d.command);
  const manual =
    node.step.kind === 'firmware' ||
    node.step.kind === 'note' ||
    (node.step.kind === 'edit-file' && !node.step.edit) ||
    (command !== null && PLACEHOLDER.test(command));
  return { text: visibleText(d.text), command, from: node.from.join(', '), conflict, manual };
}

function sectionOf(node: OrderedNode, afterReboot: boolean): PlanSectionKind {
  if (node.step.kind === 'firmware') return 'firmware';
  if (node.step.kind === 'reboot') return 'reboot';
  if (node.step.kind === 'verify') return 'verify';
  return afterReboot ? 'after-reboot' : 'before-reboot';
}

function chainsOf(findings: readonly Finding[]) {
  const steps = new Map<string, FixStep>();
  const fixesOf = new Map<string, number[]>();
  const chains = findings.map((f, i) => ({
    rule: f.ruleId,
    keys: (f.fix?.steps ?? []).map((s) => {
      const k = keyOf(s);
      if (!steps.has(k)) steps.set(k, s);
      const fixes = fixesOf.get(k);
      if (fixes) fixes.push(i);
      else fixesOf.set(k, [i]);
      return k;
    }),
  }));
  return { steps, chains, fixesOf };
}

export function buildFixPlan(fails: readonly Finding[], host: HostProfile | null): FixPlan {
  const mandatory = fails.filter((f) => f.severity !== 'info' && f.fix);
  const optional = fails.filter((f) => f.severity === 'info' && f.fix);
  const { steps, chains, fixesOf } = chainsOf(mandatory);
  const ordered = orderSteps(chains, steps);
  const edits: EditNode[] = ordered.nodes.flatMap((n) =>
    n.step.kind === 'edit-file' && n.step.edit
      ? [{ key: n.key, path: n.step.path, edit: n.step.edit, from: n.from, fixes: fixesOf.get(n.key) ?? [] }]
      : [],
  );
  const conflicts = findConflicts(edits);

  const byKind = new Map<PlanSectionKind, PlanItem[]>();
  const push = (k: PlanSectionKind, i: PlanItem): void => {
    const items = byKind.get(k);
    if (items) items.push(i);
    else byKind.set(k, [i]);
  };
  let afterReboot = false;
  for (const n of ordered.nodes) {
    push(sectionOf(n, afterReboot), item(n, conflicts.get(n.key) ?? null));
    if (n.step.kind === 'reboot') afterReboot = true;
  }
  const conflictItems: PlanItem[] = [
    ...[...new Set(conflicts.values())].map((c) => ({ text: visibleText(c), command: null, from: 'plan', conflict: c, manual: true })),
    ...ordered.cycles.map((k) => ({
      text: `Two fixes want this step in opposite orders; it is placed where it was first asked: ${visibleLine(describeStep(steps.get(k)!).text)}`,
      command: null,
      from: 'plan',
      conflict: 'order',
      manual: true,
    })),
  ];
  if (conflictItems.length > 0) byKind.set('conflicts', conflictItems);
  const seen = new Set(steps.keys());
  const optionalItems = optional.flatMap((f) =>
    (f.fix?.steps ?? []).flatMap((s) => {
      const k = keyOf(s);
      if (seen.has(k)) return [];
      seen.add(k);
      return [{ ...item({ key: k, step: s, from: [f.ruleId] }, null), manual: true }];
    }),
  );
  if (optionalItems.length > 0) byKind.set('optional', optionalItems);

  const order: PlanSectionKind[] = ['conflicts', 'firmware', 'before-reboot', 'reboot', 'after-reboot', 'verify', 'optional'];
  const sections = order
    .filter((k) => (byKind.get(k) ?? []).length > 0)
    .map((k, n) => ({ kind: k, title: `${n + 1}. ${TITLES[k]}`, items: byKind.get(k)! }));
  const forHost = describeHost(host);
  const inputsOf = (kinds: readonly PlanSectionKind[]): PlanInputName[] => [
    ...new Set(
      sections
        .filter((s) => kinds.includes(s.kind))
        .flatMap((s) => s.items.flatMap((i) => (i.command === null || i.manual || i.conflict !== null ? [] : inputsIn(i.command)))),
    ),
  ];
  return {
    sections,
    hasSteps: sections.length > 0,
    forHost,
    script: mainScript(sections, forHost, inputsOf(['before-reboot'])),
    verifyScript: verifyScript(sections, inputsOf(['after-reboot', 'verify'])),
  };
}

function describeHost(h: HostProfile | null): string {
  if (!h) return 'this host (distribution and boot mode unknown)';
  const arm = h.arch === 'aarch64';
  const parts = [
    h.distroName ? `${visibleLine(h.distroName)}${h.distro ? ` (${h.distro})` : ''}` : 'unknown distribution',
    ...(arm ? ['ARM64 (aarch64)'] : []),
    // An Arm board without EFI boots from a device tree: there is no BIOS.
    h.bootMode === 'uefi' ? 'UEFI' : h.bootMode === 'bios' ? (arm ? 'no UEFI (device-tree boot)' : 'BIOS boot') : 'unknown boot mode',
    h.bootloader && h.bootloader !== 'unknown' ? h.bootloader : 'unknown bootloader',
  ];
  if (h.cpuVendor && h.cpuVendor !== 'other') parts.push(h.cpuVendor === 'intel' ? 'Intel' : 'AMD');
  if (h.virtualMachine === true) parts.push('a virtual machine');
  return parts.join(', ');
}
