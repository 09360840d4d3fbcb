/**
 * Merge the fixes of all failing findings into one ordered plan for the host: hardware and
 * firmware settings, then files to edit, then the commands (the ones that regenerate grub and the
 * initramfs come from the same builders, so they follow the edits), then one reboot, then how to
 * verify. Identical steps from several findings appear once; a command appears once whatever the
 * reason each finding gives for it. The commands were built for this host's distro, bootloader
 * and boot mode by src/fixes, so the plan names that host.
 */
import type { Finding } from '../engine/finding.js';
import type { HostProfile } from '../facts/model.js';
import type { FixStep } from '../fixes/fix.js';
import { describeStep } from './fix-step-text.js';
import { visibleLine, visibleText } from './visible-text.js';

type Section = 'firmware' | 'edit-file' | 'run' | 'reboot' | 'verify';

export interface PlanItem {
  readonly text: string;
  readonly command: string | null;
  /** Rule ids whose fixes asked for this step. */
  readonly from: string;
}

export interface PlanSection {
  readonly kind: Section;
  readonly title: string;
  readonly items: readonly PlanItem[];
}

export interface FixPlan {
  readonly sections: readonly PlanSection[];
  readonly hasSteps: boolean;
  /** "Debian GNU/Linux 12 (debian-like), UEFI, grub": who the commands were written for. */
  readonly forHost: string;
  /** A copy-pastable shell script up to the reboot: commands as lines, everything else as comments. */
  readonly script: string;
  /** The verification commands, to run after the reboot (empty when there are none). */
  readonly verifyScript: string;
}

const ORDER: readonly { kind: Section; title: string }[] = [
  { kind: 'firmware', title: 'Hardware and firmware setup (before anything else)' },
  { kind: 'edit-file', title: 'Files to edit' },
  { kind: 'run', title: 'Commands to run and other steps' },
  { kind: 'reboot', title: 'Reboot' },
  { kind: 'verify', title: 'After the reboot, verify' },
];

/**
 * A note has no kind of its own in the plan: it is an action in prose ("move the card to another
 * slot", "rebuild the initramfs with the distribution's tool") and belongs with the step that
 * follows it in its fix; before a reboot or at the end it is something to do before rebooting.
 */
function sectionOf(steps: readonly FixStep[], i: number): Section {
  for (let j = i; j < steps.length; j += 1) {
    const k = steps[j]!.kind;
    if (k === 'note') continue;
    if (j === i) return k;
    return k === 'reboot' || k === 'verify' ? 'run' : k;
  }
  return 'run';
}

/** Where a fix's earliest step lands in the plan (0 = hardware and firmware): the board's "first fix" is the one the plan starts with. */
export function planRank(steps: readonly FixStep[]): number {
  const ranks = steps.map((_, i) => ORDER.findIndex((o) => o.kind === sectionOf(steps, i)));
  return ranks.length === 0 ? ORDER.length : Math.min(...ranks);
}

export function buildFixPlan(fails: readonly Finding[], host: HostProfile | null): FixPlan {
  const items = new Map<string, { section: Section; text: string; command: string | null; from: string[] }>();
  for (const f of fails) {
    const steps = f.fix?.steps ?? [];
    steps.forEach((step, i) => {
      const d = describeStep(step);
      const section = sectionOf(steps, i);
      const key = step.kind === 'run' || step.kind === 'verify' ? `${step.kind}\u0000${d.command}` : `${step.kind}\u0000${d.text}`;
      const seen = items.get(key);
      if (seen) {
        if (!seen.from.includes(f.ruleId)) seen.from.push(f.ruleId);
        return;
      }
      items.set(key, { section, text: visibleText(d.text), command: d.command === null ? null : visibleText(d.command), from: [f.ruleId] });
    });
  }
  const all = [...items.values()];
  const sections = ORDER.map((o) => ({
    kind: o.kind,
    title: o.title,
    items: all.filter((i) => i.section === o.kind).map((i) => ({ text: i.text, command: i.command, from: i.from.join(', ') })),
  }))
    .filter((s) => s.items.length > 0)
    .map((s, n) => ({ ...s, title: `${n + 1}. ${s.title}` }));
  const forHost = describeHost(host);
  return { sections, hasSteps: sections.length > 0, forHost, script: toScript(sections, forHost), verifyScript: toVerifyScript(sections) };
}

function describeHost(h: HostProfile | null): string {
  if (!h) return 'this host (distribution and boot mode unknown)';
  const parts = [
    h.distroName ? `${visibleLine(h.distroName)}${h.distro ? ` (${h.distro})` : ''}` : 'unknown distribution',
    h.bootMode === 'uefi' ? 'UEFI' : h.bootMode === 'bios' ? 'BIOS boot' : 'unknown boot mode',
    h.bootloader && h.bootloader !== 'unknown' ? h.bootloader : 'unknown bootloader',
  ];
  if (h.cpuVendor && h.cpuVendor !== 'other') parts.push(h.cpuVendor === 'intel' ? 'Intel' : 'AMD');
  return parts.join(', ');
}

const comment = (s: string): string => `# ${s.replace(/\n/g, '\n# ')}`;

function toScript(sections: readonly PlanSection[], forHost: string): string {
  if (sections.length === 0) return '';
  const lines = [
    '#!/bin/sh',
    `# Fix plan generated by ptdoctor for ${forHost}.`,
    '# Read each step before running it; steps that are not commands are comments.',
  ];
  for (const s of sections) {
    if (s.kind === 'verify') continue;
    lines.push('', `# --- ${s.title} ---`);
    for (const item of s.items) {
      if (s.kind === 'reboot') lines.push(comment(`${item.text} when every step above is done:`), '# reboot');
      else if (item.command === null) lines.push(comment(`${item.text}  [${item.from}]`));
      else lines.push(comment(`${item.text}  [${item.from}]`), item.command);
    }
  }
  return `${lines.join('\n')}\n`;
}

function toVerifyScript(sections: readonly PlanSection[]): string {
  const verify = sections.find((s) => s.kind === 'verify');
  if (!verify) return '';
  const lines = ['#!/bin/sh', '# After the reboot: each command, and what it should show.'];
  for (const item of verify.items)
    lines.push('', comment(`${item.text}  [${item.from}]`), ...(item.command === null ? [] : [item.command]));
  return `${lines.join('\n')}\n`;
}
