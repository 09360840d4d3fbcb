/**
 * The ptdoctor command as it ships (dist/bundle/main.js, built by `npm run build`): exit codes
 * 0, 1 and 2, one line on stderr for what cannot be analyzed, reports next to each other, and
 * the subcommands. In-process runs would test the TypeScript, not what users run.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportJson } from '../../src/report/json-report.js';
import { ROOT } from '../helpers/bundle-from.js';
import { makeTgz } from '../helpers/make-archive.js';
import { shipped } from './shipped-cli.js';

const sample = join(ROOT, 'samples', 'lab-group-shared.tgz');

describe('ptdoctor CLI (shipped)', () => {
  it('analyzes a sample and prints a terminal summary that fits one screen', () => {
    const r = shipped(['analyze', sample]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('0000:03:01.0');
    expect(r.stdout.split('\n').length).toBeLessThan(40);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stderr).toBe('');
  });

  it('writes several formats next to each other and a JSON report that validates', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-cli-'));
    const r = shipped(['analyze', sample, '-f', 'html', '-f', 'md', '-f', 'json', '-o', join(dir, 'report')]);
    expect(r.status, r.stderr).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const json: unknown = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(ReportJson.safeParse(json).success).toBe(true);
  });

  it('exit 2 with one line for unreadable input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-cli-'));
    const bad = join(dir, 'bundle.tgz');
    writeFileSync(bad, 'PK\u0003\u0004 not really');
    const r = shipped(['analyze', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ptdoctor: ${bad} is a zip archive, not a tar.gz bundle\n`);
    expect(r.stdout).toBe('');
    const missing = shipped(['analyze', join(dir, 'missing.tgz')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`ptdoctor: cannot read ${join(dir, 'missing.tgz')}: no such file or directory\n`);
  });

  it('exit 2 for usage errors: unknown format, several formats without -o, no input', () => {
    const pdf = shipped(['analyze', sample, '-f', 'pdf']);
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toMatch(/Allowed choices/);
    expect(shipped(['analyze', sample, '-f', 'md', '-f', 'html']).status).toBe(2);
    expect(shipped(['analyze']).status).toBe(2);
  });

  it('--fail-on decides exit 1 versus 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-cli-'));
    const path = join(dir, 'b.tgz');
    writeFileSync(
      path,
      await makeTgz([
        { name: 'manifest.json', body: 'not json' },
        { name: 'commands/acpi-tables.out', body: 'APIC\nDSDT\nFACP\n' },
      ]),
    );
    expect(shipped(['analyze', path, '--fail-on', 'never']).status).toBe(0);
    expect(shipped(['analyze', path, '--fail-on', 'error']).status).toBe(1);
  });

  it('rules lists the catalog and explain prints a doc page; unknown ids are a usage error', () => {
    const rules = shipped(['rules']);
    expect(rules.status).toBe(0);
    expect(rules.stdout).toContain('iommu-firmware-disabled');
    const explain = shipped(['explain', 'iommu-firmware-disabled']);
    expect(explain.status).toBe(0);
    expect(explain.stdout).toMatch(/^# iommu-firmware-disabled:/);
    expect(shipped(['explain', '../../etc/passwd']).status).toBe(2);
  });

  it('analyze --live streams this host through the shell collector and reports on it', () => {
    const r = shipped(['analyze', '--live', '-f', 'json']);
    expect([0, 1], r.stderr).toContain(r.status);
    const report = ReportJson.parse(JSON.parse(r.stdout));
    expect(report.bundle.source).toBe('this host (--live)');
    expect(report.bundle.collector?.kind).toBe('sh');
    expect(report.evidence.find((e) => e.id === 'cmdline')?.status).toBe('ok');
  }, 60_000);

  it('--help shows examples', () => {
    const r = shipped(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });
});
