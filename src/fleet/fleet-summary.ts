/**
 * The fleet view: hosts × findings, hosts per finding, and which devices are ready where.
 */
import type { HostSummary } from './host-summary.js';

export interface FleetSummary {
  readonly hosts: readonly HostSummary[];
  readonly failedHosts: number;
  /** Per rule id: the hosts where it fails, most frequent first. */
  readonly byRule: readonly { readonly ruleId: string; readonly severity: string; readonly hosts: readonly string[] }[];
  /** Per device model (vendor:device): hosts where it is ready, blocked, unknown. */
  readonly byDevice: readonly {
    readonly ids: string;
    readonly name: string;
    readonly ready: readonly string[];
    readonly blocked: readonly string[];
    readonly unknown: readonly string[];
  }[];
}

export function summarizeFleet(hosts: readonly HostSummary[]): FleetSummary {
  const rules = new Map<string, { severity: string; hosts: Set<string> }>();
  const devices = new Map<string, { name: string; ready: Set<string>; blocked: Set<string>; unknown: Set<string> }>();
  for (const h of hosts) {
    for (const f of h.fails) {
      const r = rules.get(f.ruleId) ?? { severity: f.severity, hosts: new Set<string>() };
      r.hosts.add(h.name);
      rules.set(f.ruleId, r);
    }
    for (const d of h.devices) {
      const key = d.ids || d.address;
      const e = devices.get(key) ?? { name: d.name, ready: new Set<string>(), blocked: new Set<string>(), unknown: new Set<string>() };
      (d.verdict === 'ready' ? e.ready : d.verdict === 'blocked' ? e.blocked : e.unknown).add(h.name);
      devices.set(key, e);
    }
  }
  return {
    hosts,
    failedHosts: hosts.filter((h) => h.error !== null).length,
    byRule: [...rules]
      .map(([ruleId, r]) => ({ ruleId, severity: r.severity, hosts: [...r.hosts].sort() }))
      .sort((a, b) => b.hosts.length - a.hosts.length || (a.ruleId < b.ruleId ? -1 : 1)),
    byDevice: [...devices]
      .map(([ids, d]) => ({
        ids,
        name: d.name,
        ready: [...d.ready].sort(),
        blocked: [...d.blocked].sort(),
        unknown: [...d.unknown].sort(),
      }))
      .sort((a, b) => (a.ids < b.ids ? -1 : 1)),
  };
}
