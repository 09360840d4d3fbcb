import { it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { buildFixPlan } from '../../src/report/fix-plan.js';
import { builtinRules as RULES } from '../../rules/index.js';
import { sampleBundle } from '../helpers/bundle-from.js';
import { writeFileSync } from 'node:fs';

it('prints', () => {
  for (const s of (process.env['SAMPLES'] ?? 'lab-group-shared').split(',')) {
    const a = analyzeBundle(sampleBundle(s), { rules: RULES });
    const plan = buildFixPlan(a.findings.filter((f) => f.status === 'fail'), a.facts.host.state === 'known' ? a.facts.host.value : null);
    writeFileSync(`/tmp/ptd-scratch/${s}.sh`, plan.script);
    writeFileSync(`/tmp/ptd-scratch/${s}.verify.sh`, plan.verifyScript);
    writeFileSync(`/tmp/ptd-scratch/${s}.json`, JSON.stringify({ host: a.facts.host, sections: plan.sections }, null, 1));
  }
});
