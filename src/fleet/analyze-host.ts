/**
 * One host of a fleet run: read the bundle, analyze it, write its own reports beside the summary,
 * and return its summary. A bundle that cannot be read, or a symbolic link (never followed in a
 * fleet), becomes a failed host, never a thrown error.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyzeBundle } from '../analyze.js';
import { builtinRules } from '../../rules/index.js';
import { exitCodeFor, type FailOn } from '../cli/exit-code.js';
import { readInput } from '../cli/read-input.js';
import { renderReportChunks, type ReportFormat } from '../report/render-report.js';
import { refusedFleetInput } from './find-bundles.js';
import { failedHost, summarizeHost, type HostSummary } from './host-summary.js';

export interface HostJob {
  readonly source: string;
  readonly name: string;
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  readonly devices: readonly string[];
  readonly failOn: FailOn;
}

const EXT: Record<ReportFormat, string> = { html: 'html', md: 'md', json: 'json', text: 'txt' };

export async function analyzeHost(job: HostJob): Promise<HostSummary> {
  const refused = refusedFleetInput(job.source);
  if (refused !== null) return failedHost(job.name, job.source, refused);
  try {
    const analysis = analyzeBundle(await readInput(job.source), { rules: builtinRules, devices: job.devices });
    const base = join('hosts', job.name);
    for (const f of job.formats) await writeFile(join(job.outDir, `${base}.${EXT[f]}`), await renderReportChunks(analysis, f, false));
    return summarizeHost(job.name, job.source, base, analysis, exitCodeFor(analysis.findings, job.failOn));
  } catch (e) {
    return failedHost(job.name, job.source, e instanceof Error ? (e.message.split('\n')[0] ?? 'error') : String(e));
  }
}
