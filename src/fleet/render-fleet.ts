/**
 * The fleet summary as Markdown, CSV (one row per host × failing rule), JSON and a self-contained
 * HTML page (same CSP discipline as host reports: no script, escaped text, hashed stylesheet).
 */
import Handlebars from 'handlebars';
import { mdCell, mdCodeSpan, mdInline } from '../report/markdown-escape.js';
import { loadTemplate, reportStylesheet } from '../report/render.js';
import { visibleLine } from '../report/visible-text.js';
import type { FleetSummary } from './fleet-summary.js';

const v = visibleLine;

export function renderFleetMarkdown(s: FleetSummary, generatedAt: string): string {
  const out = [`# Fleet summary: ${s.hosts.length} hosts`, '', `_generated ${mdInline(generatedAt)}_`, ''];
  if (s.failedHosts > 0) out.push(`**${s.failedHosts} bundle(s) could not be analyzed** (listed below).`, '');
  out.push('## Hosts', '', '| Host | Errors | Warnings | Info | Unknown | Failing rules | Report |', '|---|---:|---:|---:|---:|---|---|');
  for (const h of s.hosts) {
    const rules = h.error ? `could not analyze: ${mdCell(v(h.error))}` : [...new Set(h.fails.map((f) => f.ruleId))].join(', ');
    out.push(
      `| ${mdCell(v(h.name))} | ${h.counts.errors} | ${h.counts.warnings} | ${h.counts.infos} | ${h.counts.unknown} | ${rules || '—'} | ${h.reportBase ? mdCodeSpan(`${h.reportBase}.md`) : '—'} |`,
    );
  }
  out.push('', '## Hosts per finding', '', '| Rule | Severity | Hosts | Count |', '|---|---|---|---:|');
  for (const r of s.byRule)
    out.push(`| ${mdCodeSpan(r.ruleId)} | ${r.severity} | ${mdCell(r.hosts.map(v).join(', '))} | ${r.hosts.length} |`);
  out.push('', '## Devices: where they are ready', '', '| Device | Ready on | Blocked on | Unknown on |', '|---|---|---|---|');
  for (const d of s.byDevice)
    out.push(
      `| ${mdCodeSpan(d.ids)} ${mdCell(v(d.name))} | ${mdCell(d.ready.map(v).join(', ')) || '—'} | ${mdCell(d.blocked.map(v).join(', ')) || '—'} | ${mdCell(d.unknown.map(v).join(', ')) || '—'} |`,
    );
  return `${out.join('\n')}\n`;
}

/**
 * Every field quoted (RFC 4180), so no cell's content can end it or start a row, whatever an
 * importer makes of a bare field; a leading = + - @, tab or CR would make a spreadsheet evaluate
 * the cell (CSV injection, OWASP), so it gets a leading apostrophe.
 */
function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function renderFleetCsv(s: FleetSummary): string {
  const rows = [['host', 'source', 'status', 'rule', 'severity', 'subject'].map(csvField).join(',')];
  for (const h of s.hosts) {
    if (h.error) rows.push([h.name, h.source, 'error', '', '', h.error].map((x) => csvField(v(x))).join(','));
    else if (h.fails.length === 0) rows.push([h.name, h.source, 'ok', '', '', ''].map((x) => csvField(v(x))).join(','));
    for (const f of h.fails) rows.push([h.name, h.source, 'fail', f.ruleId, f.severity, f.subject].map((x) => csvField(v(x))).join(','));
  }
  return `${rows.join('\n')}\n`;
}

let template: Handlebars.TemplateDelegate | null = null;

export function renderFleetHtml(s: FleetSummary, generatedAt: string): string {
  const { cssHash, insertCss } = reportStylesheet();
  template ??= loadTemplate(Handlebars.create(), 'fleet.html.hbs');
  const view = {
    generatedAt,
    cssHash,
    count: s.hosts.length,
    failedHosts: s.failedHosts,
    hosts: s.hosts.map((h) => ({
      name: v(h.name),
      error: h.error ? v(h.error) : '',
      errors: h.counts.errors,
      warnings: h.counts.warnings,
      unknown: h.counts.unknown,
      rules: [...new Set(h.fails.map((f) => f.ruleId))].join(', '),
      report: h.reportBase ? `${h.reportBase}.html` : '',
    })),
    byRule: s.byRule.map((r) => ({ ruleId: r.ruleId, severity: r.severity, count: r.hosts.length, hosts: r.hosts.map(v).join(', ') })),
    byDevice: s.byDevice.map((d) => ({
      ids: d.ids,
      name: v(d.name),
      ready: d.ready.map(v).join(', '),
      blocked: d.blocked.map(v).join(', '),
      unknown: d.unknown.map(v).join(', '),
    })),
  };
  return insertCss(template(view));
}
