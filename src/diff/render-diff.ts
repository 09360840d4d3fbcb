/**
 * A before/after diff as Markdown (for the ticket), plain text (terminal) or JSON. Bundle-derived
 * strings are made visible and escaped like every other report.
 */
import { mdCodeSpan, mdInline } from '../report/markdown-escape.js';
import { visibleLine } from '../report/visible-text.js';
import type { AnalysisDiff, FindingKey } from './diff-analyses.js';

export function renderDiffMarkdown(d: AnalysisDiff, labels: { before: string; after: string }): string {
  const out: string[] = [`# Before and after: ${mdInline(visibleLine(labels.before))} → ${mdInline(visibleLine(labels.after))}`, ''];
  const verdict =
    d.introduced.length === 0 && d.remaining.length === 0
      ? 'Every problem found before is fixed, and nothing new failed.'
      : `${d.fixed.length} fixed, ${d.remaining.length} remaining, ${d.introduced.length} new.`;
  out.push(`**${verdict}**`, '');
  const section = (title: string, list: readonly FindingKey[]): void => {
    out.push(`## ${title} (${list.length})`, '');
    for (const f of list) out.push(`- ${mdCodeSpan(f.ruleId)} ${mdInline(f.subject)} (${f.severity}): ${mdInline(visibleLine(f.message))}`);
    out.push('');
  };
  section('Fixed', d.fixed);
  section('Remaining', d.remaining);
  section('New', d.introduced);
  if (d.nowDecided.length > 0) section('Decided now (were unknown)', d.nowDecided);
  out.push('## Evidence that changed', '');
  if (d.cmdline) {
    for (const p of d.cmdline.added) out.push(`- kernel command line: added ${mdCodeSpan(visibleLine(p))}`);
    for (const p of d.cmdline.removed) out.push(`- kernel command line: removed ${mdCodeSpan(visibleLine(p))}`);
  } else out.push('- kernel command line: not in both bundles');
  if (d.modules) {
    if (d.modules.loaded.length > 0) out.push(`- modules now loaded: ${d.modules.loaded.map(mdCodeSpan).join(', ')}`);
    if (d.modules.unloaded.length > 0) out.push(`- modules no longer loaded: ${d.modules.unloaded.map(mdCodeSpan).join(', ')}`);
  }
  for (const c of d.drivers)
    out.push(`- ${mdCodeSpan(c.what)} driver: ${mdInline(visibleLine(c.before))} → ${mdInline(visibleLine(c.after))}`);
  for (const c of d.groups) out.push(`- ${mdCodeSpan(c.what)} IOMMU group: ${mdInline(c.before)} → ${mdInline(c.after)}`);
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderDiffText(d: AnalysisDiff): string {
  const line = (tag: string, f: FindingKey): string => `  ${tag} ${f.ruleId} ${f.subject}: ${visibleLine(f.message)}`;
  const out = [`${d.fixed.length} fixed, ${d.remaining.length} remaining, ${d.introduced.length} new`];
  for (const f of d.fixed) out.push(line('fixed    ', f));
  for (const f of d.remaining) out.push(line('remaining', f));
  for (const f of d.introduced) out.push(line('new      ', f));
  if (d.cmdline) for (const p of d.cmdline.added) out.push(`  cmdline  + ${visibleLine(p)}`);
  if (d.cmdline) for (const p of d.cmdline.removed) out.push(`  cmdline  - ${visibleLine(p)}`);
  for (const c of d.drivers) out.push(`  driver   ${c.what}: ${visibleLine(c.before)} -> ${visibleLine(c.after)}`);
  for (const c of d.groups) out.push(`  group    ${c.what}: ${c.before} -> ${c.after}`);
  return `${out.join('\n')}\n`;
}
