/**
 * The JSON report: a documented, versioned schema (docs/report-json.md). The zod schema is the
 * contract; tests validate every sample's output against it.
 */
import { z } from 'zod/v3';
import type { Analysis } from '../analyze.js';
import { type Finding, SEVERITIES, STATUSES } from '../engine/finding.js';
import type { FixStep } from '../fixes/fix.js';
import { lazyList, streamedJson } from './streamed-json.js';
import { safeJsonChunk } from './safe-json-text.js';

const REPORT_SCHEMA_VERSION = 1;

const EvidenceRefJson = z.strictObject({
  evidence: z.string(),
  source: z.string(),
  line: z.number().int().positive().optional(),
  text: z.string(),
});

const FixStepJson = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('firmware'), setting: z.string() }),
  z.strictObject({ kind: z.literal('edit-file'), path: z.string(), change: z.string() }),
  z.strictObject({ kind: z.literal('run'), command: z.string(), why: z.string(), afterReboot: z.literal(true).optional() }),
  z.strictObject({ kind: z.literal('reboot') }),
  z.strictObject({ kind: z.literal('verify'), command: z.string(), expect: z.string() }),
  z.strictObject({ kind: z.literal('note'), text: z.string() }),
]);

const FindingJson = z.strictObject({
  ruleId: z.string(),
  title: z.string(),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  severityReason: z.string().optional(),
  subject: z.union([z.strictObject({ kind: z.literal('host') }), z.strictObject({ kind: z.literal('device'), address: z.string() })]),
  related: z.array(z.string()).optional(),
  messageId: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
  evidence: z.array(EvidenceRefJson),
  fix: z.strictObject({ summary: z.string(), steps: z.array(FixStepJson), caveats: z.array(z.string()).optional() }).optional(),
  collect: z.array(z.string()).optional(),
  internal: z.literal(true).optional(),
});

export const ReportJson = z.strictObject({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  tool: z.strictObject({ name: z.literal('ptdoctor'), version: z.string() }),
  generatedAt: z.string(),
  bundle: z.strictObject({
    source: z.string(),
    format: z.enum(['tgz', 'txz', 'tar', 'directory']),
    root: z.string().nullable(),
    files: z.number().int().nonnegative(),
    skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
    lost: z.string().nullable(),
    manifestProblem: z.string().nullable(),
    collector: z.strictObject({ kind: z.string(), version: z.string() }).nullable(),
    collectedAt: z.string().nullable(),
    uid: z.number().int().nullable(),
    redacted: z.boolean().nullable(),
    /** Loose evidence only: what each input, or each section of a paste, was read as. */
    inputs: z
      .array(
        z.strictObject({
          input: z.string(),
          first: z.number().int().nonnegative(),
          last: z.number().int().nonnegative(),
          command: z.string().nullable(),
          kind: z.string().nullable(),
          readAs: z.string().nullable(),
          evidence: z.string().nullable(),
          note: z.string().nullable(),
        }),
      )
      .optional(),
  }),
  summary: z.strictObject({
    errors: z.number().int(),
    warnings: z.number().int(),
    infos: z.number().int(),
    unknown: z.number().int(),
    passed: z.number().int(),
  }),
  devices: z.array(
    z.strictObject({
      address: z.string(),
      target: z.boolean(),
      why: z.array(z.string()),
      verdict: z.enum(['ready', 'blocked', 'unknown']),
      blockers: z.array(z.string()),
      undecided: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  findings: z.array(FindingJson),
  evidence: z.array(z.strictObject({ id: z.string(), source: z.string(), status: z.string() })),
});
export type ReportJson = z.infer<typeof ReportJson>;

/**
 * The JSON report's text a piece at a time: the same text as `JSON.stringify(toJsonReport(…),
 * null, 2)` (made safe, then a newline), but each device and finding is made and written only
 * when its turn comes, so the report of a host with thousands of findings never exists whole
 * beside its text (npm run bench: the largest hosts' memory).
 */
export function* jsonReportChunks(analysis: Analysis, meta: { generatedAt: string; toolVersion: string }): Generator<string> {
  const report = reportWith(analysis, meta, {
    devices: lazyList(analysis.devices, deviceJson),
    findings: lazyList(analysis.findings, findingJson),
  });
  for (const chunk of streamedJson(report)) yield safeJsonChunk(chunk);
  yield '\n';
}

export function toJsonReport(analysis: Analysis, meta: { generatedAt: string; toolVersion: string }): ReportJson {
  return reportWith(analysis, meta, { devices: analysis.devices.map(deviceJson), findings: analysis.findings.map(findingJson) });
}

function reportWith<D, F>(
  analysis: Analysis,
  meta: { generatedAt: string; toolVersion: string },
  lists: { devices: D; findings: F },
): Omit<ReportJson, 'devices' | 'findings'> & { devices: D; findings: F } {
  const fails = analysis.findings.filter((f) => f.status === 'fail');
  const m = analysis.bundle.manifest;
  const c = analysis.facts.collection;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'ptdoctor', version: meta.toolVersion },
    generatedAt: meta.generatedAt,
    bundle: {
      source: analysis.bundle.source,
      format: analysis.bundle.format,
      root: analysis.bundle.root,
      files: analysis.bundle.files,
      skipped: [...analysis.bundle.skipped],
      lost: analysis.bundle.lost,
      manifestProblem: analysis.bundle.manifestProblem,
      collector: m ? { ...m.collector } : null,
      collectedAt: m?.startedAt ?? null,
      uid: m?.uid ?? null,
      redacted: m?.redacted ?? null,
      ...(analysis.bundle.inputs ? { inputs: analysis.bundle.inputs.pieces.map((p) => ({ ...p })) } : {}),
    },
    summary: {
      errors: fails.filter((f) => f.severity === 'error').length,
      warnings: fails.filter((f) => f.severity === 'warning').length,
      infos: fails.filter((f) => f.severity === 'info').length,
      unknown: analysis.findings.filter((f) => f.status === 'unknown').length,
      passed: analysis.findings.filter((f) => f.status === 'pass').length,
    },
    devices: lists.devices,
    findings: lists.findings,
    evidence: c.state === 'known' ? c.value.inventory.map((i) => ({ ...i })) : [],
  };
}

type DeviceJson = ReportJson['devices'][number];
type FindingJson = ReportJson['findings'][number];

function deviceJson(d: Analysis['devices'][number]): DeviceJson {
  return { ...d, why: [...d.why], blockers: [...d.blockers], undecided: [...d.undecided], warnings: [...d.warnings] };
}

type FixStepJson = NonNullable<FindingJson['fix']>['steps'][number];

/** A finding as the schema has it: the fields named one by one, so nothing internal leaks in (an edit-file step's `edit` is the plan script's own description of the edit). */
function findingJson(f: Finding): FindingJson {
  return {
    ruleId: f.ruleId,
    title: f.title,
    status: f.status,
    severity: f.severity,
    ...(f.severityReason === undefined ? {} : { severityReason: f.severityReason }),
    subject: f.subject.kind === 'host' ? { kind: 'host' } : { kind: 'device', address: f.subject.address },
    ...(f.related === undefined ? {} : { related: [...f.related] }),
    messageId: f.messageId,
    data: { ...f.data },
    message: f.message,
    evidence: f.evidence.map((e) => ({
      evidence: e.evidence,
      source: e.source,
      ...(e.line === undefined ? {} : { line: e.line }),
      text: e.text,
    })),
    ...(f.fix === undefined
      ? {}
      : {
          fix: {
            summary: f.fix.summary,
            steps: f.fix.steps.map(stepJson),
            ...(f.fix.caveats === undefined ? {} : { caveats: [...f.fix.caveats] }),
          },
        }),
    ...(f.collect === undefined ? {} : { collect: [...f.collect] }),
    ...(f.internal === undefined ? {} : { internal: f.internal }),
  };
}

function stepJson(s: FixStep): FixStepJson {
  switch (s.kind) {
    case 'firmware':
      return { kind: s.kind, setting: s.setting };
    case 'edit-file':
      return { kind: s.kind, path: s.path, change: s.change };
    case 'run':
      return { kind: s.kind, command: s.command, why: s.why, ...(s.afterReboot ? { afterReboot: true as const } : {}) };
    case 'reboot':
      return { kind: s.kind };
    case 'verify':
      return { kind: s.kind, command: s.command, expect: s.expect };
    case 'note':
      return { kind: s.kind, text: s.text };
    default: {
      const never: never = s;
      return never;
    }
  }
}
