// What a scenario must show, checked on what the run produced (pure: data in, problems out):
// every phase in the guest succeeded, the plan script ran without error, the host came back on the
// scenario's kernel, the target's blocking findings before the fix are gone after the reboot
// (`ptdoctor diff` lists them fixed, or at least neither remaining nor new), the findings the
// scenario is about are among `diff`'s fixed ones, `diff` shows no new error, and the devices are on
// the drivers the scenario expects. A blocker the lab cannot fix (expect.mayRemain, with the reason)
// may stay.

const keyOf = (f) => `${f.ruleId}@${f.subject.kind === 'host' ? 'host' : f.subject.address}`;
const dkey = (k) => `${k.ruleId}@${k.subject}`;

/**
 * `run`: { rc: {phase: '0'|…|null}, setupExpected, boots: [{kernel}], qemu, planScript (as printed) }
 * `before`, `after`: the JSON reports (analyze --device target); `diff`: diff -f json;
 * `drivers`: address → driver in use after the reboot (from the after bundle's lspci -nnk).
 */
export function verdictProblems(scenario, run, before, after, diff, drivers) {
  const p = [];
  const e = scenario.expect;
  const phases = [...(run.setupExpected ? ['setup'] : []), ...(scenario.runtime?.length ? ['runtime'] : []), 'before', 'plan', 'after'];
  for (const k of phases) if (run.rc[k] !== '0') p.push(`${k} in the guest: exit ${run.rc[k] ?? 'never ran'}`);
  // what a person copies must run as printed: Markdown's link breaking must not reach the script
  if (run.planScript?.includes('\u200b')) p.push('the printed plan script contains a zero-width space');
  if (run.qemu !== 0) p.push(`the guest did not power off by itself (qemu: ${run.qemu})`);
  const last = run.boots.at(-1)?.kernel ?? '';
  if (!last.startsWith(`${scenario.kernel}.`)) p.push(`the last boot ran kernel ${last || 'none'}, not ${scenario.kernel}`);
  if (!before) return [...p, 'no report before the fix'];

  const board = (r) => r.devices.find((d) => d.address === scenario.target);
  const b = board(before);
  if (!b) return [...p, `${scenario.target} is not on the report's device board`];
  for (const id of e.blockers) if (!b.blockers.includes(id)) p.push(`before the fix, ${id} does not block ${scenario.target}`);
  const failingBefore = before.findings.filter((f) => f.status === 'fail');
  for (const id of e.fixed) if (!failingBefore.some((f) => f.ruleId === id)) p.push(`before the fix, ${id} does not fail`);
  if (!after || !diff) return [...p, 'no report after the fix'];

  const mayRemain = new Set(Object.keys(e.mayRemain ?? {}));
  const blocking = failingBefore.filter(
    (f) =>
      b.blockers.includes(f.ruleId) && !mayRemain.has(f.ruleId) && (f.subject.kind === 'host' || f.subject.address === scenario.target),
  );
  const stillFailing = new Set([...diff.remaining, ...diff.introduced].map(dkey));
  const failingAfter = new Set(after.findings.filter((f) => f.status === 'fail').map(keyOf));
  for (const f of blocking)
    if (stillFailing.has(keyOf(f)) || failingAfter.has(keyOf(f))) p.push(`${keyOf(f)} blocked the target before the fix and still fails`);
  const fixed = new Set(diff.fixed.map((k) => k.ruleId));
  const remaining = new Set(diff.remaining.map((k) => k.ruleId));
  for (const id of e.fixed)
    if (remaining.has(id)) p.push(`${id} still fails after the fix (ptdoctor diff: remaining)`);
    else if (!fixed.has(id))
      p.push(`ptdoctor diff does not list ${id} as fixed: its analysis of the bundle before the fix does not report it`);
  for (const k of diff.introduced.filter((x) => x.severity === 'error')) p.push(`new error after the fix: ${dkey(k)}: ${k.message}`);
  const a = board(after);
  for (const id of a?.blockers ?? []) if (!mayRemain.has(id)) p.push(`after the fix, ${id} still blocks ${scenario.target}`);
  for (const [addr, want] of Object.entries(e.drivers ?? {}))
    if ((drivers[addr] ?? 'none') !== want) p.push(`after the reboot ${addr} is on ${drivers[addr] ?? 'no driver'}, not ${want}`);
  return p;
}

/** address → "Kernel driver in use" from `lspci -nnk` output (addresses without a domain get 0000:). */
export function driversOf(lspciNnk) {
  const out = {};
  let cur = null;
  for (const line of lspciNnk.split('\n')) {
    const slot = /^(?:([0-9a-f]{4}):)?([0-9a-f]{2}:[0-9a-f]{2}\.[0-7]) /.exec(line);
    if (slot) {
      cur = `${slot[1] ?? '0000'}:${slot[2]}`;
      out[cur] = null;
      continue;
    }
    const drv = /^\s+Kernel driver in use: (\S+)/.exec(line);
    if (drv && cur) out[cur] = drv[1];
  }
  return out;
}
