/**
 * Compare the shipped analyzer with the expectations written by hand from each sample's evidence
 * (samples/<name>/expected.json), and print every difference; it never writes a file.
 *
 *   npm run build && node scripts/write-expected.mjs                 every sample
 *   npm run build && node scripts/write-expected.mjs samples/lab-x   one or more samples
 *
 * expected.json is an array of { rule, subject: "host" | "<domain:bus:dev.fn>", status: "fail" |
 * "unknown", why }: the failing findings must be exactly the listed fails, and each listed unknown
 * must be an unknown finding (the list of unknowns need not be complete). Each sample is analyzed
 * with `dist/bundle/main.js analyze <evidence> -f json --fail-on never`, plus `--device X` for
 * each derive.json `devices` entry. Exit status: 0 no difference, 1 some difference, 2 a sample
 * could not be compared. test/samples.test.ts holds the source tree to the same comparison.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ROOT, sampleDevices } from './sample-overrides.mjs';

const SUBJECT = /^(?:host|[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])$/;
const STATUSES = new Set(['fail', 'unknown']);

/** `rule@subject`, the identity of an expectation and of a finding. */
export function expectationKey(rule, subject) {
  return `${rule}@${subject}`;
}

function findingSubject(f) {
  return f.subject.kind === 'host' ? 'host' : f.subject.address;
}

/** Problems with the file itself: a wrong shape, or one rule and subject listed twice. */
export function expectationFormatProblems(expected) {
  if (!Array.isArray(expected)) return ['expected.json is not a JSON array'];
  const problems = [];
  const seen = new Set();
  for (const [i, e] of expected.entries()) {
    const at = `entry ${i + 1}`;
    if (e === null || typeof e !== 'object') {
      problems.push(`${at} is not an object`);
      continue;
    }
    const extra = Object.keys(e).filter((k) => !['rule', 'subject', 'status', 'why'].includes(k));
    if (extra.length > 0) problems.push(`${at} has unknown key(s) ${extra.join(', ')}`);
    if (typeof e.rule !== 'string' || e.rule === '') problems.push(`${at} has no rule`);
    if (typeof e.subject !== 'string' || !SUBJECT.test(e.subject))
      problems.push(`${at} subject must be "host" or a PCI address with domain`);
    if (!STATUSES.has(e.status)) problems.push(`${at} status must be "fail" or "unknown"`);
    if (typeof e.why !== 'string' || e.why.trim() === '') problems.push(`${at} has no why`);
    const key = expectationKey(e.rule, e.subject);
    if (seen.has(key)) problems.push(`${at} lists ${key} a second time`);
    seen.add(key);
  }
  return problems;
}

/**
 * The differences between hand-written expectations and an analysis's findings (ruleId, status,
 * subject as the report carries them), each with the line that explains it: the expectation's
 * `why`, or the analyzer's message for a fail nobody expected.
 */
export function expectationDifferences(expected, findings) {
  const failing = new Map();
  for (const f of findings.filter((x) => x.status === 'fail')) failing.set(expectationKey(f.ruleId, findingSubject(f)), f);
  const statusOf = new Map();
  for (const f of findings) {
    const key = expectationKey(f.ruleId, findingSubject(f));
    statusOf.set(key, [...(statusOf.get(key) ?? []), f.status]);
  }
  const fails = expected.filter((e) => e.status === 'fail');
  const expectedFails = new Set(fails.map((e) => expectationKey(e.rule, e.subject)));
  const differences = [];
  for (const e of fails) {
    const key = expectationKey(e.rule, e.subject);
    if (!failing.has(key))
      differences.push({ kind: 'missing fail', key, analyzer: (statusOf.get(key) ?? ['no finding']).join(', '), why: e.why });
  }
  for (const [key, f] of failing)
    if (!expectedFails.has(key)) differences.push({ kind: 'unexpected fail', key, analyzer: 'fail', why: f.message });
  for (const e of expected.filter((x) => x.status === 'unknown')) {
    const key = expectationKey(e.rule, e.subject);
    const got = statusOf.get(key) ?? [];
    if (!got.includes('unknown')) differences.push({ kind: 'not unknown', key, analyzer: got.join(', ') || 'no finding', why: e.why });
  }
  return differences;
}

/** One line per difference, as the script prints it and the samples test reports it. */
export function formatDifference(d) {
  return `${d.kind}: ${d.key} (analyzer: ${d.analyzer}) — ${d.why}`;
}

function analyzeWithShippedCli(dir) {
  const args = [join(ROOT, 'dist', 'bundle', 'main.js'), 'analyze', join(dir, 'evidence'), '-f', 'json', '--fail-on', 'never'];
  for (const d of sampleDevices(dir)) args.push('--device', d);
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out).findings;
}

function compareSample(dir) {
  const name = basename(dir);
  const file = join(dir, 'expected.json');
  if (!existsSync(file)) return { name, error: 'no expected.json' };
  const expected = JSON.parse(readFileSync(file, 'utf8'));
  const format = expectationFormatProblems(expected);
  if (format.length > 0) return { name, error: format.join('; ') };
  let findings;
  try {
    findings = analyzeWithShippedCli(dir);
  } catch (e) {
    // The CLI prints one line when it refuses a bundle; a crash prints a stack, whose Error line says most.
    const lines = typeof e?.stderr === 'string' ? e.stderr.split('\n').filter((l) => l.trim() !== '') : [];
    const stderr = (lines.find((l) => /\berror\b/i.test(l)) ?? lines[0] ?? '').trim();
    return { name, error: `the analyzer failed: ${stderr || (e instanceof Error ? e.message.split('\n')[0] : String(e))}` };
  }
  return { name, differences: expectationDifferences(expected, findings) };
}

function main(argv) {
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'main.js'))) {
    console.error('dist/bundle/main.js is missing: run npm run build first');
    return 2;
  }
  const samplesDir = join(ROOT, 'samples');
  const dirs =
    argv.length > 0
      ? argv
      : readdirSync(samplesDir)
          .filter((n) => existsSync(join(samplesDir, n, 'evidence')))
          .map((n) => join(samplesDir, n));
  let status = 0;
  for (const dir of dirs) {
    const r = compareSample(dir);
    if (r.error !== undefined) {
      console.log(`${r.name}: cannot compare: ${r.error}`);
      status = 2;
    } else if (r.differences.length === 0) console.log(`${r.name}: as expected`);
    else {
      console.log(`${r.name}: ${r.differences.length} difference(s)`);
      for (const d of r.differences) console.log(`  ${formatDifference(d)}`);
      status = Math.max(status, 1);
    }
  }
  return status;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) process.exitCode = main(process.argv.slice(2));
