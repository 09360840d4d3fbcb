import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { ReportJson } from '../../src/report/json-report.js';
import { ROOT } from '../helpers/bundle-from.js';
import { makeTgz } from '../helpers/make-archive.js';

function io(cwd = ROOT): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), color: false, stderrIsTty: false, cwd, env: {} };
}

const sample = join(ROOT, 'samples', 'lab-group-shared.tgz');

describe('ptdoctor CLI', () => {
  it('analyzes a sample and prints a terminal summary that fits one screen', async () => {
    const t = io();
    const code = await main(['analyze', sample], t);
    expect([0, 1]).toContain(code);
    const text = t.out.join('');
    expect(text).toContain('0000:03:01.0');
    expect(text.split('\n').length).toBeLessThan(40);
    expect(text).not.toContain('\u001b[');
  });

  it('writes several formats next to each other and a JSON report that validates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-cli-'));
    const t = io();
    await main(['analyze', sample, '-f', 'html', '-f', 'md', '-f', 'json', '-o', join(dir, 'report')], t);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'report.json', 'report.md']);
    const json: unknown = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(ReportJson.safeParse(json).success).toBe(true);
  });

  it('exit 2 with one line for unreadable input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-cli-'));
    const bad = join(dir, 'bundle.tgz');
    writeFileSync(bad, 'PK\u0003\u0004 not really');
    const t = io();
    expect(await main(['analyze', bad], t)).toBe(2);
    expect(t.err.join('')).toMatch(/^ptdoctor: .*is a zip archive, not a tar.gz bundle\n$/);
    const t2 = io();
    expect(await main(['analyze', join(dir, 'missing.tgz')], t2)).toBe(2);
    expect(t2.err.join('')).toMatch(/no such file/);
  });

  it('exit 2 for usage errors: unknown format, several formats without -o, no input', async () => {
    const t = io();
    expect(await main(['analyze', sample, '-f', 'pdf'], t)).toBe(2);
    expect(t.err.join('')).toMatch(/Allowed choices/);
    expect(await main(['analyze', sample, '-f', 'md', '-f', 'html'], io())).toBe(2);
    expect(await main(['analyze'], io())).toBe(2);
  });

  it('--fail-on decides exit 1 versus 0', async () => {
    const bundle = await makeTgz([
      { name: 'manifest.json', body: 'not json' },
      { name: 'commands/acpi-tables.out', body: 'APIC\nDSDT\nFACP\n' },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'ptd-cli-'));
    const path = join(dir, 'b.tgz');
    writeFileSync(path, bundle);
    expect(await main(['analyze', path, '--fail-on', 'never'], io())).toBe(0);
    expect(await main(['analyze', path, '--fail-on', 'error'], io())).toBe(1);
  });

  it('rules lists the catalog and explain prints a doc page; unknown ids are a usage error', async () => {
    const t = io();
    expect(await main(['rules'], t)).toBe(0);
    expect(t.out.join('')).toContain('iommu-firmware-disabled');
    const e = io();
    expect(await main(['explain', 'iommu-firmware-disabled'], e)).toBe(0);
    expect(e.out.join('')).toMatch(/^# iommu-firmware-disabled:/);
    expect(await main(['explain', '../../etc/passwd'], io())).toBe(2);
  });

  it('analyze --live streams this host through the shell collector and reports on it', async () => {
    const t = io();
    const code = await main(['analyze', '--live', '-f', 'json'], t);
    expect([0, 1]).toContain(code);
    const report = ReportJson.parse(JSON.parse(t.out.join('')));
    expect(report.bundle.source).toBe('this host (--live)');
    expect(report.bundle.collector?.kind).toBe('sh');
    expect(report.evidence.find((e) => e.id === 'cmdline')?.status).toBe('ok');
  }, 60_000);

  it('--help shows examples', async () => {
    const t = io();
    expect(await main(['--help'], t)).toBe(0);
    expect(t.out.join('')).toContain('Examples:');
  });
});
