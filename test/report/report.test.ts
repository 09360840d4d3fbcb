/**
 * The HTML and Markdown reports of the real lab samples: anchors per finding, the same findings in
 * both formats, the readiness board and the merged fix plan. One Markdown report is a golden file
 * (fixed generatedAt and toolVersion), reviewed like code.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { renderHtml, renderMarkdown } from '../../src/report/render.js';
import { renderText } from '../../src/report/render-text.js';
import { loadRuleDocs } from '../../src/report/rule-docs.js';
import { buildReportView } from '../../src/report/view-model.js';
import { builtinRules } from '../../rules/index.js';
import { fx, ROOT, sampleBundle } from '../helpers/bundle-from.js';

const SAMPLES = readdirSync(join(ROOT, 'samples'))
  .filter((s) => statSync(join(ROOT, 'samples', s)).isDirectory())
  .sort();

function report(sample: string, overrides: Parameters<typeof sampleBundle>[1] = {}) {
  const analysis = analyzeBundle(sampleBundle(sample, overrides), { rules: builtinRules });
  const view = buildReportView(analysis, {
    generatedAt: '2026-01-01T00:00:00.000Z',
    toolVersion: '0.0.0-test',
    docs: loadRuleDocs(analysis.findings.map((f) => f.ruleId)),
    picture: true,
  });
  return { analysis, view };
}

const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
const hasRule = (id: string): boolean => builtinRules.some((r) => r.id === id);

describe('report anchors', () => {
  it.each(SAMPLES)('%s: ids are unique, every failing finding has its own anchor, #<rule-id> is the first of its rule', (sample) => {
    const { analysis, view } = report(sample);
    const html = renderHtml(view);
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    const shown = [...view.problems, ...view.unknowns];
    for (const f of shown) expect(all).toContain(f.anchor);
    for (const rule of new Set(shown.map((f) => f.ruleId))) {
      const at = html.indexOf(`id="${rule}"`);
      expect(at, `#${rule}`).toBeGreaterThan(-1);
      const first = shown.find((f) => f.ruleId === rule)!;
      // The rule anchor is the first finding itself (host finding) or sits right before it.
      expect(html.indexOf(`id="${first.anchor}"`)).toBeGreaterThanOrEqual(at);
      expect(html.slice(at, html.indexOf(`id="${first.anchor}"`))).not.toContain('</article>');
    }
    for (const row of view.board) expect(all).toContain(row.id);
    for (const link of [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!)) expect(all, `#${link}`).toContain(link);
    expect(analysis.findings.filter((f) => f.internal)).toEqual([]);
  });

  it.runIf(hasRule('group-not-viable'))('lab-group-shared: report.html#group-not-viable lands on the finding about 0000:03:01.0', () => {
    const { view } = report('lab-group-shared');
    const html = renderHtml(view);
    const at = html.indexOf('<span id="group-not-viable"></span>');
    expect(at).toBeGreaterThan(-1);
    expect(html.slice(at).indexOf('<article class="finding st-fail sev-error" id="group-not-viable-0000-03-01-0">')).toBe(
      '<span id="group-not-viable"></span>'.length,
    );
  });
});

describe('HTML and Markdown carry the same information', () => {
  it.each(SAMPLES)('%s: every finding id, board row and plan command is in both', (sample) => {
    const { view } = report(sample);
    const html = renderHtml(view);
    const md = renderMarkdown(view);
    for (const f of [...view.problems, ...view.unknowns]) {
      expect(html).toContain(`<code class="rule-id">${f.ruleId}</code>`);
      expect(md).toContain(`### ${f.ruleId}:`);
    }
    for (const row of view.board) {
      expect(md).toContain(`\`${row.address}\``);
      expect(md).toContain(`**${row.verdictLabel}**`);
    }
    for (const g of view.topology?.groups ?? []) expect(md).toContain(`**${g.title}**`);
    // Markdown fences break `scheme://` and `@name` with a zero-width space (no link or mention in a ticket).
    const inFence = (line: string): string => line.replace(/:\/\//g, ':\u200b//').replace(/(@)\b/g, '$1\u200b');
    for (const line of view.plan.script.split('\n').filter((l) => l !== '' && !l.startsWith('#'))) expect(md).toContain(inFence(line));
  });
});

describe('readiness board', () => {
  it('lab-group-shared: one row for the vfio-pci target, its cause and a first fix', () => {
    const { view } = report('lab-group-shared');
    expect(view.board.map((b) => [b.address, b.isTarget])).toEqual([['0000:03:01.0', true]]);
    const row = view.board[0]!;
    expect(row.id).toBe('board-0000-03-01-0');
    if (hasRule('group-not-viable')) {
      expect(row.verdict).toBe('blocked');
      expect(row.causes.map((c) => c.ruleId)).toContain('group-not-viable');
      // The device's own cause is named first; host-wide causes follow.
      expect(row.causes[0]!.wholeHost).toBe(false);
      expect(row.reason).toContain('0000:03:02.0');
      expect(row.fixSummary).not.toBeNull();
    }
  });

  it('lab-intel-firmware-off: a host-wide blocker reaches every row, and the first fix is a host-wide one', () => {
    const { analysis, view } = report('lab-intel-firmware-off');
    const hostFixes = analysis.findings
      .filter((f) => f.subject.kind === 'host' && f.status === 'fail' && f.severity === 'error' && f.fix)
      .map((f) => f.fix!.summary);
    expect(view.board.length).toBeGreaterThan(0);
    for (const row of view.board) {
      expect(row.verdict).toBe('blocked');
      expect(row.causes.some((c) => c.ruleId === 'iommu-firmware-disabled' && c.wholeHost)).toBe(true);
      expect(hostFixes).toContain(row.fixSummary);
    }
  });
});

describe('verdict', () => {
  it('lab-intel-firmware-off with every one of its nine functions named: eight named in the verdict, the ninth counted', () => {
    const bundle = sampleBundle('lab-intel-firmware-off');
    const inventory = analyzeBundle(bundle, { rules: builtinRules }).facts.pci;
    const all = inventory.state === 'known' ? inventory.value.devices.map((d) => d.address) : [];
    expect(all).toHaveLength(9);
    const analysis = analyzeBundle(bundle, { rules: builtinRules, devices: all });
    const view = buildReportView(analysis, { generatedAt: 'now', toolVersion: 'test', docs: new Map(), picture: false });
    expect(view.board.filter((b) => b.verdict === 'blocked')).toHaveLength(9);
    expect(view.verdict.text).toMatch(
      /^Passthrough is blocked for 0000:00:00\.0, 0000:00:02\.0, 0000:00:03\.0, 0000:00:04\.0, 0000:00:1f\.0, 0000:00:1f\.2, 0000:00:1f\.3, 0000:01:00\.0 and 1 more device: \d+ error\(s\) to fix\.$/,
    );
  });
});

describe('terminal summary', () => {
  it.each(SAMPLES)('%s: the terminal view (no plan, passes counted) prints what the full view prints', (sample) => {
    const analysis = analyzeBundle(sampleBundle(sample), { rules: builtinRules });
    const options = { generatedAt: 'now', toolVersion: 'test', docs: new Map<string, string>(), picture: false };
    const terminal = buildReportView(analysis, { ...options, scope: 'terminal' });
    expect(renderText(terminal, { color: true })).toBe(renderText(buildReportView(analysis, options), { color: true }));
    expect(terminal.plan.hasSteps).toBe(false);
  });
});

describe('fix plan', () => {
  // Conflicts first (never run), then the firmware, the steps before the reboot, the one reboot, what
  // runs after it, the checks, and info-level suggestions (commented out).
  const ORDER = ['conflicts', 'firmware', 'before-reboot', 'reboot', 'after-reboot', 'verify', 'optional'];
  it.each(SAMPLES)('%s: sections in order, at most one reboot, no automatic reboot, every command of every fix in a script', (sample) => {
    const { analysis, view } = report(sample);
    const kinds = view.plan.sections.map((s) => s.kind);
    expect([...kinds].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))).toEqual(kinds);
    expect(view.plan.sections.find((s) => s.kind === 'reboot')?.items.length ?? 0).toBeLessThanOrEqual(1);
    expect(view.plan.script.split('\n').filter((l) => !l.startsWith('#'))).not.toContain('reboot');
    // Steps that conflict or are only suggested stay in the scripts as comments: every command is there to read.
    const scripts = `${view.plan.script}\n${view.plan.verifyScript}`;
    for (const f of analysis.findings.filter((x) => x.status === 'fail'))
      for (const step of f.fix?.steps ?? []) if (step.kind === 'run' || step.kind === 'verify') expect(scripts).toContain(step.command);
    if (view.plan.hasSteps) expect(view.plan.forHost).not.toBe('');
  });
});

describe('fix plan: the host it is for', () => {
  it('an arm64 board booted from a device tree is named ARM64 with no UEFI, never "BIOS"', () => {
    // lab-arm64-no-smmu-dt: QEMU virt board, Debian arm64 kernel, no /sys/firmware/efi, no SMMU (a fix to run).
    const { view } = report('lab-arm64-no-smmu-dt');
    expect(view.plan.forHost).toContain('ARM64 (aarch64)');
    expect(view.plan.forHost).toContain('no UEFI (device-tree boot)');
    expect(view.plan.forHost).not.toContain('BIOS');
  });
});

describe('evidence read only in part', () => {
  it('a log that no longer starts at boot is listed with what to collect', () => {
    const { view } = report('derived-dmesg-truncated');
    const dmesg = view.bundle.gaps.find((g) => g.source === 'dmesg');
    expect(dmesg?.why).toContain('no longer holds the boot messages');
    expect(dmesg?.collect).toContain('journalctl -k -b --no-pager');
  });

  it('lines no parser could read are quoted, and the Markdown says so', () => {
    // An lsmod excerpt from the Oracle Linux guide, with the document's own "..." elisions, instead of /proc/modules.
    const { view } = report('lab-intel-healthy', {
      'proc-modules': { status: 'not-collected' },
      lsmod: fx('lsmod/oracle-linux-ch06s02.txt'),
    });
    const lsmod = view.bundle.gaps.find((g) => g.source === 'lsmod');
    expect(lsmod?.lines).toEqual(['6: ...', '10: ...']);
    expect(renderMarkdown(view)).toContain('Evidence read only in part');
  });

  it('a whole bundle lists nothing', () => {
    expect(report('lab-intel-healthy').view.bundle.gaps).toEqual([]);
  });
});

describe('golden Markdown report', () => {
  it('lab-group-shared', async () => {
    const { view } = report('lab-group-shared');
    await expect(renderMarkdown(view)).toMatchFileSnapshot('__snapshots__/lab-group-shared.md');
  });
});

describe('Cloudpods section', () => {
  it('a Cloudpods host: one row per host-service check, failures first, each linked to its finding', () => {
    const { analysis, view } = report('lab-cloudpods-broken');
    const cp = analysis.findings.filter((f) => f.ruleId.startsWith('cloudpods-') && f.status !== 'skip');
    expect(view.cloudpods?.rows.map((r) => r.ruleId).sort()).toEqual(cp.map((f) => f.ruleId).sort());
    expect(view.cloudpods?.failing).toBe(cp.filter((f) => f.status === 'fail').length);
    expect(view.cloudpods?.failing).toBeGreaterThan(0);
    expect(view.cloudpods?.rows.slice(0, view.cloudpods.failing).every((r) => r.pillClass.startsWith('sev-'))).toBe(true);
    expect(view.cloudpods?.detectedBy).toContain('/etc/yunion/host.conf');
    const html = renderHtml(view);
    const section = html.slice(
      html.indexOf('<section id="cloudpods"'),
      html.indexOf('</section>', html.indexOf('<section id="cloudpods"')),
    );
    for (const r of view.cloudpods?.rows ?? []) expect(section).toContain(`href="#${r.anchor}"`);
    expect(html).toContain('<a href="#cloudpods">Cloudpods</a>');
    const md = renderMarkdown(view);
    expect(md).toContain('## Cloudpods host service');
    expect(md).toContain('| **error** | `cloudpods-hugepages-native-unreserved`');
  });

  it('another host has no Cloudpods section', () => {
    const { view } = report('lab-group-shared');
    expect(view.cloudpods).toBeNull();
    expect(renderHtml(view)).not.toContain('id="cloudpods"');
    expect(renderMarkdown(view)).not.toContain('Cloudpods host service');
  });
});

describe('devices named only by the kernel log', () => {
  it('derived-rmrr-conflict: the refused device is not in the PCI inventory, and the finding says so', () => {
    const { analysis, view } = report('derived-rmrr-conflict');
    const pci = analysis.facts.pci.state === 'known' ? analysis.facts.pci.value.devices.map((d) => d.address) : [];
    const refused = view.problems.filter((p) => p.ruleId === 'rmrr-conflict');
    expect(refused.length).toBeGreaterThan(0);
    for (const p of refused) {
      expect(pci).not.toContain(p.subject.split(' ')[0]);
      expect(p.subject).toMatch(/ \(not in this bundle's PCI inventory\)$/);
    }
    const named = view.problems.filter((p) => p.subject !== 'host' && pci.includes(p.subject.split(' ')[0]!));
    for (const p of named) expect(p.subject).not.toContain('not in this bundle');
  });
});
