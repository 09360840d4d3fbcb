/**
 * One host of a fleet run: read the bundle, analyze it, write its own reports beside the summary,
 * and return its summary. A bundle that cannot be read, or a symbolic link (never followed in a
 * fleet), becomes a failed host, never a thrown error.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
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

const WRITE_BYTES = 1024 * 1024;
const EXT: Record<ReportFormat, string> = { html: 'html', md: 'md', json: 'json', text: 'txt' };

export async function analyzeHost(job: HostJob): Promise<HostSummary> {
  const refused = refusedFleetInput(job.source);
  if (refused !== null) return failedHost(job.name, job.source, refused);
  try {
    const analysis = analyzeBundle(await readInput(job.source), { rules: builtinRules, devices: job.devices });
    const base = join('hosts', job.name);
    for (const f of job.formats) writeReport(join(job.outDir, `${base}.${EXT[f]}`), await renderReportChunks(analysis, f, false));
    return summarizeHost(job.name, job.source, base, analysis, exitCodeFor(analysis.findings, job.failOn));
  } catch (e) {
    return failedHost(job.name, job.source, e instanceof Error ? (e.message.split('\n')[0] ?? 'error') : String(e));
  }
}

/**
 * One report file, written in this thread without a round trip through the I/O thread pool for
 * each piece (a fleet thread has nothing else to do meanwhile); a JSON report's pieces are
 * gathered into writes of about 1 MiB.
 */
function writeReport(path: string, text: string | Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    if (typeof text === 'string') writeFileSync(fd, text);
    else {
      let pending = '';
      for (const piece of text) {
        pending += piece;
        if (pending.length >= WRITE_BYTES) {
          writeFileSync(fd, pending);
          pending = '';
        }
      }
      writeFileSync(fd, pending);
    }
  } finally {
    closeSync(fd);
  }
}
