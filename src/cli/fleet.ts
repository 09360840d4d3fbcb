/**
 * Fleet mode of `ptdoctor analyze`: several bundles (or a directory of bundles) → per-host reports
 * under OUT/hosts/ and one summary OUT/summary.{html,md,json,csv}, with a progress bar on stderr
 * when it is a terminal.
 */
import { mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { summarizeFleet } from '../fleet/fleet-summary.js';
import { hostNames } from '../fleet/host-names.js';
import { runFleet } from '../fleet/run-fleet.js';
import { safeJsonText } from '../report/safe-json-text.js';
import type { ReportFormat } from '../report/render-report.js';
import { visibleLine } from '../report/visible-text.js';
import { UsageError } from './errors.js';
import type { FailOn } from './exit-code.js';
import type { CliIo } from './io.js';
import { writeOutput } from './write-output.js';

export interface FleetOptions {
  readonly out: string | undefined;
  readonly formats: readonly ReportFormat[];
  readonly devices: readonly string[];
  readonly jobs: number | undefined;
  readonly progress: boolean;
  readonly failOn: FailOn;
}

/** Exit status of a fleet run: 1 when any host would exit 1 on its own, or could not be analyzed (unless --fail-on never). */
export async function analyzeFleet(paths: readonly string[], opts: FleetOptions, io: CliIo): Promise<0 | 1> {
  if (!opts.out) throw new UsageError('analyzing several bundles needs -o DIR for the summary and the per-host reports');
  if (paths.length === 0) throw new UsageError('no bundle files (*.tgz, *.tar.gz, *.tar, *.tar.xz) found');
  await mkdir(join(opts.out, 'hosts'), { recursive: true });
  const names = hostNames(paths);
  const formats = opts.formats.filter((f) => f !== 'text');
  const jobs = paths.map((source, i) => ({
    source,
    name: names[i] as string,
    outDir: opts.out as string,
    formats: formats.length > 0 ? formats : (['html', 'md', 'json'] as ReportFormat[]),
    devices: opts.devices,
    failOn: opts.failOn,
  }));
  // The cores this process may use (its CPU affinity), not every core of the machine.
  const threads = opts.jobs ?? availableParallelism();
  const hosts = await runFleet(jobs, threads, (done, total) => {
    if (!opts.progress) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
  });
  const summary = summarizeFleet(hosts);
  const now = new Date().toISOString();
  // Loaded here, not at start-up: it brings Handlebars, which single-bundle text and JSON runs never need.
  const { renderFleetCsv, renderFleetHtml, renderFleetMarkdown } = await import('../fleet/render-fleet.js');
  await writeOutput(join(opts.out, 'summary.md'), renderFleetMarkdown(summary, now));
  await writeOutput(join(opts.out, 'summary.csv'), renderFleetCsv(summary));
  await writeOutput(join(opts.out, 'summary.json'), safeJsonText({ schemaVersion: 1, generatedAt: now, ...summary }));
  await writeOutput(join(opts.out, 'summary.html'), renderFleetHtml(summary, now));
  io.stdout(
    `${hosts.length} hosts, ${summary.failedHosts} could not be analyzed; summary in ${visibleLine(join(opts.out, 'summary.html'))} (.md, .json, .csv)\n`,
  );
  return opts.failOn !== 'never' && hosts.some((h) => h.exitCode === 1) ? 1 : 0;
}
