/**
 * Print what a sample's expected.json would be from the current build (dist/), for review before
 * it is committed: `npm run build && node scripts/write-expected.mjs samples/lab-x [--write]`.
 * The samples test then holds the analyzer to it. A derived sample's derive.json `devices` are
 * analyzed as `--device` targets, here and in the samples test.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeBundle } from '../dist/src/analyze.js';
import { readBundleDirectory } from '../dist/src/bundle/read-directory.js';
import { builtinRules } from '../dist/rules/index.js';
import { sampleDevices } from './sample-overrides.mjs';

const write = process.argv.includes('--write');
for (const dir of process.argv.slice(2).filter((a) => !a.startsWith('--'))) {
  const analysis = analyzeBundle(await readBundleDirectory(join(dir, 'evidence')), { rules: builtinRules, devices: sampleDevices(dir) });
  const lines = analysis.findings
    .filter((f) => f.status === 'fail')
    .map((f) => `${f.ruleId}:fail@${f.subject.kind === 'host' ? 'host' : f.subject.address}`)
    .sort();
  const json = `${JSON.stringify(lines, null, 2)}\n`;
  if (write) writeFileSync(join(dir, 'expected.json'), json);
  console.log(`${dir}: ${lines.join(', ') || '(no failing finding)'}`);
}
