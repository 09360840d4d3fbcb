/**
 * What a fleet summary keeps of one host's analysis: small, serialisable, passed back from a
 * worker thread.
 */
import type { Analysis } from '../analyze.js';

export interface HostSummary {
  readonly name: string;
  readonly source: string;
  /** The bundle could not be analyzed: this one line says why. */
  readonly error: string | null;
  readonly reportBase: string | null;
  /** What `ptdoctor analyze` would exit with for this host alone at the run's --fail-on (0 or 1). */
  readonly exitCode: 0 | 1;
  readonly counts: { readonly errors: number; readonly warnings: number; readonly infos: number; readonly unknown: number };
  readonly fails: readonly { readonly ruleId: string; readonly severity: string; readonly subject: string }[];
  readonly devices: readonly {
    readonly address: string;
    readonly ids: string;
    readonly name: string;
    readonly verdict: string;
    readonly target: boolean;
  }[];
}

export function summarizeHost(name: string, source: string, reportBase: string, analysis: Analysis, exitCode: 0 | 1): HostSummary {
  const fails = analysis.findings.filter((f) => f.status === 'fail');
  const pci = analysis.facts.pci.state === 'known' ? analysis.facts.pci.value.devices : [];
  return {
    name,
    source,
    error: null,
    reportBase,
    exitCode,
    counts: {
      errors: fails.filter((f) => f.severity === 'error').length,
      warnings: fails.filter((f) => f.severity === 'warning').length,
      infos: fails.filter((f) => f.severity === 'info').length,
      unknown: analysis.findings.filter((f) => f.status === 'unknown').length,
    },
    fails: fails.map((f) => ({ ruleId: f.ruleId, severity: f.severity, subject: f.subject.kind === 'host' ? 'host' : f.subject.address })),
    devices: analysis.devices.map((d) => {
      const dev = pci.find((p) => p.address === d.address);
      return {
        address: d.address,
        ids: dev ? `${dev.vendor}:${dev.device}` : '',
        name: dev?.name ?? '',
        verdict: d.verdict,
        target: d.target,
      };
    }),
  };
}

export function failedHost(name: string, source: string, error: string): HostSummary {
  return {
    name,
    source,
    error,
    reportBase: null,
    exitCode: 1,
    counts: { errors: 0, warnings: 0, infos: 0, unknown: 0 },
    fails: [],
    devices: [],
  };
}
