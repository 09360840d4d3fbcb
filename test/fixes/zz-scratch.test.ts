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
import { hostOf } from './helpers/host-of.js';
import { VARIANTS } from './helpers/variants.js';
import { changeKernelParams } from '../../src/fixes/kernel-params.js';
it('host', () => {
  for (const v of ['debian-12-bios', 'rhel-9.4-uefi-bls']) {
    const h = hostOf(VARIANTS[v]!);
    console.log(v, JSON.stringify(h.paramsLostOnReboot), JSON.stringify(changeKernelParams(h, { add: ['intel_iommu=on'], remove: ['iommu=pt'] }, 's').steps[0]));
  }
});
