#!/usr/bin/env node
/**
 * Score the real-case corpus against the built CLI: each case's evidence files (everything but
 * case.json) are analyzed as loose input, with `--device` for each of its targets, and the JSON
 * report is compared with case.json. Prints the table for test/real-cases/README.md ("Score").
 *
 *   npm run build && node test/real-cases/score.mjs            # Markdown table and totals
 *   node test/real-cases/score.mjs --cli path/to/main.js        # another build
 *
 * The same evaluation (evaluateCase) is what test/real-cases/real-cases.test.ts asserts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CASES_DIR = join(HERE, 'cases');

/** Case directories, sorted, each with its parsed case.json and evidence file paths. */
export function loadCases(dir = CASES_DIR) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const caseDir = join(dir, id);
      const meta = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8'));
      const files = readdirSync(caseDir)
        .filter((f) => f !== 'case.json')
        .sort()
        .map((f) => join(caseDir, f));
      return { id, meta, files };
    });
}

/** The CLI arguments that analyze a case as a support engineer would. */
export function caseArgs(c) {
  return ['analyze', ...c.files, ...(c.meta.targets ?? []).flatMap((t) => ['--device', t]), '-f', 'json', '--fail-on', 'never'];
}

const subjectOf = (f) => (f.subject.kind === 'host' ? 'host' : f.subject.address);
const same = (f, e) => f.ruleId === e.rule && subjectOf(f) === e.subject;

/**
 * A case against its JSON report: which expected findings were reached, which failing error or
 * warning findings nobody expected (false alarms), and whether a healthy host was flagged.
 */
export function evaluateCase(meta, report) {
  const failing = report.findings.filter((f) => f.status === 'fail');
  const serious = failing.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const expect = meta.expect ?? [];
  const allowed = [...expect, ...(meta.alsoTrue ?? [])];
  const missing = expect.filter((e) => !failing.some((f) => same(f, e)));
  const falseAlarms = serious.filter((f) => !allowed.some((e) => same(f, e))).map((f) => `${f.ruleId}@${subjectOf(f)}`);
  const healthyFlagged = meta.kind === 'healthy' && serious.length > 0;
  return {
    reached: missing.length === 0,
    missing: missing.map((e) => `${e.rule}@${e.subject}`),
    falseAlarms,
    healthyFlagged,
    ok: missing.length === 0 && falseAlarms.length === 0 && !healthyFlagged,
  };
}

export function totals(results) {
  const reached = results.filter((r) => r.result.reached).length;
  return {
    cases: results.length,
    reached,
    share: results.length === 0 ? 0 : reached / results.length,
    falseAlarms: results.reduce((n, r) => n + r.result.falseAlarms.length, 0),
    casesWithFalseAlarms: results.filter((r) => r.result.falseAlarms.length > 0).length,
    healthy: results.filter((r) => r.kind === 'healthy').length,
    healthyFlagged: results.filter((r) => r.result.healthyFlagged).length,
  };
}

export function scoreTable(results) {
  const t = totals(results);
  const rows = results.map(
    (r) =>
      `| ${r.id} | ${r.kind} | ${r.result.reached ? 'yes' : `no (${r.result.missing.join(', ')})`} | ${r.result.falseAlarms.join(', ') || '—'} |`,
  );
  return [
    `Diagnoses reached: ${t.reached} of ${t.cases} (${Math.round(t.share * 100)}%) · false alarms: ${t.falseAlarms} (in ${t.casesWithFalseAlarms} cases) · healthy hosts flagged: ${t.healthyFlagged} of ${t.healthy}`,
    '',
    '| Case | Kind | Diagnosis reached | False alarms (error/warning) |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function main() {
  const at = process.argv.indexOf('--cli');
  const cli = at > 0 ? process.argv[at + 1] : join(HERE, '..', '..', 'dist', 'bundle', 'main.js');
  const results = [];
  for (const c of loadCases()) {
    const run = spawnSync(process.execPath, [cli, ...caseArgs(c)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) {
      results.push({
        id: c.id,
        kind: c.meta.kind,
        result: {
          reached: false,
          missing: [`exit ${run.status}: ${run.stderr.trim()}`],
          falseAlarms: [],
          healthyFlagged: false,
          ok: false,
        },
      });
      continue;
    }
    results.push({ id: c.id, kind: c.meta.kind, result: evaluateCase(c.meta, JSON.parse(run.stdout)) });
  }
  process.stdout.write(`${scoreTable(results)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
