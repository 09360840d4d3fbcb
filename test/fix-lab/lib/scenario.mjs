// Scenario files (test/fix-lab/scenarios/<name>.json): how the host got broken, the device to pass
// through, and what `ptdoctor diff` must show once the report's plan has run and the host rebooted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from './paths.mjs';

export function listScenarios() {
  return readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

const isStrings = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function loadScenario(name) {
  const s = JSON.parse(readFileSync(join(SCENARIOS, `${name}.json`), 'utf8'));
  const bad = (why) => new Error(`scenarios/${name}.json: ${why}`);
  if (s.name !== name) throw bad(`name is ${s.name}`);
  if (!['6.1', '6.12'].includes(s.kernel)) throw bad('kernel must be 6.1 or 6.12');
  if (typeof s.target !== 'string' || !/^[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/.test(s.target))
    throw bad('target must be a PCI address');
  for (const k of ['devices', 'setup', 'runtime', 'applyOptional']) if (!isStrings(s[k] ?? [])) throw bad(`${k} must be a list of strings`);
  const e = s.expect ?? {};
  for (const k of ['blockers', 'fixed']) if (!isStrings(e[k])) throw bad(`expect.${k} must be a list of rule ids`);
  if (typeof (e.mayRemain ?? {}) !== 'object') throw bad('expect.mayRemain must map rule ids to reasons');
  if (typeof (e.drivers ?? {}) !== 'object') throw bad('expect.drivers must map addresses to drivers');
  // a plan found wrong on the real system: the problems it shows, and why, until its fix changes
  if (!isStrings(e.knownProblems ?? [])) throw bad('expect.knownProblems must be a list of problems');
  if ((e.knownProblems ?? []).length > 0 && typeof e.knownWhy !== 'string') throw bad('expect.knownProblems needs expect.knownWhy');
  return s;
}
