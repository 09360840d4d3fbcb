/**
 * One analysis → one report in the asked format (the single entry point the CLI and fleet runs use).
 * The Handlebars renderer is loaded only for HTML and Markdown: terminal and JSON output, the
 * common case in scripts and fleets, skip its start-up cost.
 */
import type { Analysis } from '../analyze.js';
import { toolVersion } from '../version.js';
import { jsonReportChunks } from './json-report.js';
import { renderText } from './render-text.js';
import { loadRuleDocs } from './rule-docs.js';
import { buildReportView } from './view-model.js';

export type ReportFormat = 'text' | 'md' | 'html' | 'json';

export async function renderReport(
  analysis: Analysis,
  format: ReportFormat,
  color: boolean,
  generatedAt = new Date().toISOString(),
): Promise<string> {
  const text = await renderReportChunks(analysis, format, color, generatedAt);
  return typeof text === 'string' ? text : [...text].join('');
}

/** The report as one string, or for JSON as pieces made one after another (a large host's JSON report is never whole in memory). */
export async function renderReportChunks(
  analysis: Analysis,
  format: ReportFormat,
  color: boolean,
  generatedAt = new Date().toISOString(),
): Promise<string | Iterable<string>> {
  const meta = { generatedAt, toolVersion: toolVersion() };
  if (format === 'json') return jsonReportChunks(analysis, meta);
  const docs = format === 'text' ? new Map<string, string>() : loadRuleDocs(analysis.findings.map((f) => f.ruleId));
  const view = buildReportView(analysis, { ...meta, docs, picture: format === 'html', scope: format === 'text' ? 'terminal' : 'full' });
  if (format === 'html') return (await import('./render.js')).renderHtml(view);
  if (format === 'md') return (await import('./render.js')).renderMarkdown(view);
  return renderText(view, { color });
}
