/**
 * --rules DIR in the shipped command: the bundled CLI is compiled by its launcher, where import()
 * cannot run by itself, so the launcher lends it one. The rule in test/cli/site-rules/ fails on
 * the lab sample, whose /proc/cmdline ends in `intel_iommu=on iommu=pt`
 * (samples/lab-group-shared/evidence/proc/cmdline), and passes on lab-intel-default-on, whose
 * command line ends in `quiet` (samples/lab-intel-default-on/evidence/proc/cmdline).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportJson } from '../../src/report/json-report.js';
import { ROOT } from '../helpers/bundle-from.js';
import { shipped } from './shipped-cli.js';

const RULES = join(ROOT, 'test', 'cli', 'site-rules');

function siteFinding(bundle: string): { status: string; message: string } | undefined {
  const r = shipped(['analyze', bundle, '--rules', RULES, '-f', 'json', '--fail-on', 'never']);
  expect(r.status, r.stderr).toBe(0);
  return ReportJson.parse(JSON.parse(r.stdout)).findings.find((f) => f.ruleId === 'site-no-iommu-pt');
}

describe('site rules (--rules) in the shipped CLI', () => {
  it('loads an ES module rule and runs it beside the built-in rules', () => {
    expect(siteFinding(join(ROOT, 'samples', 'lab-group-shared.tgz'))).toMatchObject({
      status: 'fail',
      message: 'The kernel command line has iommu=pt.',
    });
    expect(siteFinding(join(ROOT, 'samples', 'lab-intel-default-on', 'evidence'))).toMatchObject({ status: 'pass' });
  });

  it('a rule file that does not load, or is not a rule, is one usage line', () => {
    const broken = mkdtempSync(join(tmpdir(), 'ptd-rules-'));
    writeFileSync(join(broken, 'a.mjs'), 'export default {;\n');
    const r = shipped(['analyze', join(ROOT, 'samples', 'lab-group-shared.tgz'), '--rules', broken]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^ptdoctor: --rules ${join(broken, 'a.mjs')}: cannot load: [^\\n]+\\n$`));
    const notRule = mkdtempSync(join(tmpdir(), 'ptd-rules-'));
    writeFileSync(join(notRule, 'b.mjs'), 'export default { id: "x" };\n');
    const n = shipped(['analyze', join(ROOT, 'samples', 'lab-group-shared.tgz'), '--rules', notRule]);
    expect(n.stderr).toBe(`ptdoctor: --rules ${join(notRule, 'b.mjs')}: the default export is not a rule (defineRule({...}))\n`);
  });
});
