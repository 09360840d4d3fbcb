/**
 * A real sosreport made by Debian's sos on this machine analyzes like a ptdoctor bundle of the
 * same machine: every rule that passes or fails from both inputs reaches the same status (a rule
 * skipped for lack of sysfs listings in the sosreport is not decided there).
 * Runs where `sos` is installed (CI installs Debian's sosreport package).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { readBundleFile } from '../../src/bundle/read-bundle.js';
import { builtinRules } from '../../rules/index.js';
import { ROOT } from '../helpers/bundle-from.js';
import { suiteCanRun } from '../helpers/required-suite.js';

const missing =
  spawnSync('sos', ['--help']).status !== 0 ? 'sos is not installed' : process.getuid?.() !== 0 ? 'sos report needs root' : null;

describe.runIf(suiteCanRun('sos', missing))('sosreport input', () => {
  it('agrees with a ptdoctor bundle of the same machine where both hold the evidence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-sos-'));
    execFileSync('sos', ['report', '--batch', '-o', 'kernel,pci,boot,grub2,memory,hardware,usb,kvm,processor', '--tmp-dir', dir], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const sosPath = join(dir, readdirSync(dir).find((n) => /^sosreport-.*\.tar\.xz$/.test(n)) as string);
    const ours = join(dir, 'ptdoctor.tgz');
    execFileSync('sh', [join(ROOT, 'src', 'collector', 'collect.sh'), '-o', ours], { stdio: 'ignore', timeout: 120_000 });

    const fromSos = analyzeBundle(await readBundleFile(sosPath), { rules: builtinRules });
    const fromOurs = analyzeBundle(await readBundleFile(ours), { rules: builtinRules });
    expect(fromSos.bundle.format).toBe('txz');
    const decided = (a: typeof fromSos) =>
      new Map(
        a.findings
          .filter((f) => f.status === 'pass' || f.status === 'fail')
          .map((f) => [`${f.ruleId}@${f.subject.kind === 'host' ? 'host' : f.subject.address}`, f.status]),
      );
    const s = decided(fromSos);
    const o = decided(fromOurs);
    const both = [...s.keys()].filter((k) => o.has(k));
    expect(both.length, 'rules decided from both inputs').toBeGreaterThanOrEqual(5);
    expect(both.filter((k) => s.get(k) !== o.get(k)).map((k) => `${k}: sos ${s.get(k)}, ptdoctor ${o.get(k)}`)).toEqual([]);
  }, 180_000);
});
