/**
 * Programmatic API: a bundle in memory → facts, findings and per-device readiness. No I/O, no
 * console; the CLI reads the bundle and writes the reports.
 */
import { deviceReadiness, type DeviceReadiness } from './analysis/device-readiness.js';
import type { Bundle, SkippedEntry } from './bundle/bundle.js';
import { loadManifest } from './bundle/load-manifest.js';
import type { Manifest } from './bundle/manifest.js';
import type { RuleMeta, Rule } from './engine/define-rule.js';
import type { Finding } from './engine/finding.js';
import { runRules } from './engine/run-rules.js';
import { evidenceSource } from './evidence/lookup.js';
import { buildFacts } from './facts/build-facts.js';
import type { Facts } from './facts/facts.js';
import type { LooseInputs } from './loose/loose-report.js';

export interface AnalyzeOptions {
  /** --device values: PCI addresses (with or without domain) or vendor:device ids. */
  readonly devices?: readonly string[];
  readonly rules: readonly Rule[];
}

export interface BundleSummary {
  readonly source: string;
  readonly format: Bundle['format'];
  readonly root: string | null;
  readonly files: number;
  readonly skipped: readonly SkippedEntry[];
  readonly lost: string | null;
  readonly manifest: Pick<Manifest, 'collector' | 'startedAt' | 'uid' | 'redacted' | 'kernel' | 'hostname'> | null;
  readonly manifestProblem: string | null;
  /** Loose evidence (pasted text, files given one by one): what each input was read as. Absent for bundles. */
  readonly inputs?: LooseInputs;
}

export interface Analysis {
  readonly bundle: BundleSummary;
  readonly facts: Facts;
  readonly findings: readonly Finding[];
  readonly devices: readonly DeviceReadiness[];
  readonly rules: readonly RuleMeta[];
}

export function analyzeBundle(bundle: Bundle, options: AnalyzeOptions): Analysis {
  const { manifest, problem } = loadManifest(bundle);
  const evidence = evidenceSource(bundle, manifest);
  const facts = buildFacts(evidence, {
    devices: options.devices ?? [],
    manifest,
    manifestProblem: problem,
    // A sosreport links its top-level names (uname, lspci, dmesg…) into sos_commands by design: refusing those links loses nothing.
    skippedEntries:
      evidence.layout === 'sosreport' ? bundle.skipped.filter((s) => !s.reason.startsWith('symlink')).length : bundle.skipped.length,
    lost: bundle.lost,
  });
  const findings = runRules(options.rules, facts);
  const devices = deviceReadiness(
    findings,
    facts.pci.state === 'known' ? facts.pci.value : null,
    facts.targets.state === 'known' ? facts.targets.value : null,
  );
  return {
    bundle: {
      source: bundle.source,
      format: bundle.format,
      root: bundle.root,
      files: bundle.files.size,
      skipped: bundle.skipped,
      lost: bundle.lost,
      manifest: manifest
        ? {
            collector: manifest.collector,
            startedAt: manifest.startedAt,
            uid: manifest.uid,
            redacted: manifest.redacted,
            ...(manifest.kernel === undefined ? {} : { kernel: manifest.kernel }),
            ...(manifest.hostname === undefined ? {} : { hostname: manifest.hostname }),
          }
        : null,
      manifestProblem: problem,
    },
    facts,
    findings,
    devices,
    rules: options.rules.map(({ check: _check, ...meta }) => meta),
  };
}
