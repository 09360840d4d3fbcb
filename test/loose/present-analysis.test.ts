/**
 * The analysis of loose evidence cites what the user gave: input name and line, the line as given.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { analyzeBundle, type Analysis } from '../../src/analyze.js';
import { buildLooseBundle, type LooseText } from '../../src/loose/loose-bundle.js';
import { presentLooseAnalysis } from '../../src/loose/present-analysis.js';

const read = (p: string): string => readFileSync(new URL(`../real-cases/cases/${p}`, import.meta.url), 'utf8');
const named = (dir: string, ...files: string[]): LooseText[] => files.map((f) => ({ name: f, text: read(`${dir}/${f}`) }));

function analyze(texts: LooseText[], devices: string[] = []): Analysis {
  const loose = buildLooseBundle(texts, 'test');
  return presentLooseAnalysis(analyzeBundle(loose.bundle, { devices, rules: builtinRules }), loose);
}

describe('presentLooseAnalysis', () => {
  const vincent = 'github-vincentsaelzler-hyper-homelab-rtx2060-bar1-sysfb';
  const a = analyze(named(vincent, 'dmesg-grep-vfio-after-vm-start.txt', 'dmesg-grep-vfio-boot.txt', 'lspci-nnk-grep-vfio.txt'), [
    '0000:07:00.0',
  ]);

  it('points kernel-log references at the input and line of the joined greps', () => {
    expect(a.facts.kernelLog.state).toBe('known');
    expect(a.facts.kernelLog.state === 'known' && a.facts.kernelLog.evidence[0]).toEqual({
      evidence: 'dmesg',
      source: 'dmesg-grep-vfio-after-vm-start.txt',
      line: 3,
      text: "[  511.005586] vfio-pci 0000:07:00.0: BAR 1: can't reserve [mem 0xd0000000-0xdfffffff 64bit pref]",
    });
  });

  it('points PCI references at the lspci paste, below its prompt line', () => {
    const gpu = a.facts.pci.state === 'known' ? a.facts.pci.value.devices.find((d) => d.address === '0000:07:00.0') : undefined;
    expect(gpu?.refs[0]).toMatchObject({ evidence: 'lspci-nnk', source: 'lspci-nnk-grep-vfio.txt', line: 2 });
  });

  it('reports no collector and carries what each input was read as', () => {
    expect(a.bundle.manifest).toBeNull();
    expect(a.bundle.manifestProblem).toBeNull();
    expect(a.bundle.inputs?.pieces.map((p) => [p.input, p.first, p.last, p.readAs])).toEqual([
      ['dmesg-grep-vfio-after-vm-start.txt', 3, 4, 'dmesg'],
      ['dmesg-grep-vfio-boot.txt', 2, 7, 'dmesg'],
      ['lspci-nnk-grep-vfio.txt', 2, 9, 'lspci -nnk'],
    ]);
  });

  it("quotes the user's own line where the parser read it with its typography undone", () => {
    const harvester = 'github-harvester-pcidevices-81-p5000-bar1-efifb';
    const loose = buildLooseBundle(named(harvester, 'dmesg-T-bar1.txt'), 'h');
    const [source, lines] = [...loose.lines.entries()][0] ?? ['', []];
    expect(lines[1]?.text).toContain("BAR 1: can't reserve");
    // a finding that cites that line as parsed, the way rules cite kernel-log lines
    const analysis = analyzeBundle(loose.bundle, { devices: [], rules: builtinRules });
    const cited = { evidence: 'dmesg', source, line: 2, text: lines[1]?.text ?? '' };
    const shown = presentLooseAnalysis(
      { ...analysis, findings: [{ ...(analysis.findings[0] as Analysis['findings'][number]), evidence: [cited] }] },
      loose,
    );
    expect(shown.findings[0]?.evidence[0]).toEqual({
      evidence: 'dmesg',
      source: 'dmesg-T-bar1.txt',
      line: 2,
      text: '[Wed Jun 12 02:42:37 2024] vfio-pci 0000:b3:00.0: BAR 1: can’t reserve [mem 0xe0000000-0xefffffff 64bit pref]',
    });
  });
});
