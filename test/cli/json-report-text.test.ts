/**
 * The JSON report of the shipped CLI keeps bundle text exactly (a tool reading it gets what the
 * host printed) but writes no C1 control or bidi character raw: a terminal that shows the file,
 * or an editor, never acts on one. The bundle is the lab sample with the ACPI table listing
 * carrying OSC 52, a screen clear, CSI in its C1 form and RLO.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportJson } from '../../src/report/json-report.js';
import { sampleBundleTgz } from './sample-tgz.js';
import { shipped } from './shipped-cli.js';

const ESCAPES = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e';

describe('JSON report text (shipped CLI)', () => {
  it('escapes C1 and bidi characters, and the value read back is the evidence as collected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-json-'));
    const bundle = join(dir, 'b.tgz');
    writeFileSync(bundle, await sampleBundleTgz('lab-group-shared', { 'commands/acpi-tables.out': `APIC\nDMAR${ESCAPES}\nFACP\n` }));
    const r = shipped(['analyze', bundle, '-f', 'json', '-o', join(dir, 'report.json'), '--fail-on', 'never']);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'report.json'), 'utf8');
    expect(text).not.toMatch(/[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain('DMAR\\u001b]52;c;cHduZWQ=\\u0007\\u001b[2J\\u009b31m\\u202e');
    const report = ReportJson.parse(JSON.parse(text));
    // the firmware finding cites the listing as `tables: APIC DMAR… FACP`
    const cited = report.findings.flatMap((f) => f.evidence).filter((e) => e.evidence === 'acpi-tables');
    expect(cited.some((e) => e.text.includes(`DMAR${ESCAPES}`))).toBe(true);
  });
});
