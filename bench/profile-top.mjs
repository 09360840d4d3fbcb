/**
 * The functions with the most self time in a V8 CPU profile (`node --cpu-prof`): what
 * docs/performance.md lists per case. Usage: node bench/profile-top.mjs DIR [N] — every
 * .cpuprofile in DIR (one per thread) summed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** [name, self ms] of the top `n` functions over the profiles in `dir`, and the total sampled ms. */
export function topSelfTime(dir, n = 8) {
  const self = new Map();
  let total = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber } = byId.get(id).callFrame;
      const where = url ? `${basename(url)}:${lineNumber + 1}` : '';
      const name = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      self.set(name, (self.get(name) ?? 0) + ms);
      total += ms;
    });
  }
  const top = [...self].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]);
  return { total, top: top.slice(0, n) };
}

if (process.argv[1] === import.meta.filename) {
  const { total, top } = topSelfTime(process.argv[2], Number(process.argv[3] ?? 8));
  console.log(`sampled ${total.toFixed(0)} ms`);
  for (const [name, ms] of top) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name}`);
}
