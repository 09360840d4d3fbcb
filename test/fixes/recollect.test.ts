/**
 * Collect again what was missing (src/fixes/recollect.ts): the tools to install (by package), the
 * collector as root or not, and the kernel log of this boot from the journal. Inputs as
 * evidence-incomplete computes them from the lab's bundles (src/facts/evidence-gaps.ts).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { evidenceGaps } from '../../src/facts/evidence-gaps.js';
import type { Fix } from '../../src/fixes/fix.js';
import { keepBootLog, recollect } from '../../src/fixes/recollect.js';
import { sampleBundle, type Override } from '../helpers/bundle-from.js';
import { commands, planOf } from './helpers/plan-of.js';

/** What evidence-incomplete hands to recollect: whether root is needed, and the sources of missing commands. */
const inputsOf = (sample: string, overrides: Record<string, Override> = {}): [boolean, string[]] => {
  const facts = analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
  if (facts.collection.state !== 'known') throw new Error('always known');
  const g = evidenceGaps(facts.collection.value, facts);
  return [g.needsRoot, g.items.filter((i) => i.status === 'no-command').map((i) => i.source)];
};
const notes = (fix: Fix): string[] => fix.steps.flatMap((s) => (s.kind === 'note' ? [s.text] : []));

describe('recollect', () => {
  it('without root and without journalctl (lab-non-root): install systemd, run the collector with sudo', () => {
    const [asRoot, missing] = inputsOf('lab-non-root');
    expect([asRoot, missing]).toEqual([true, ['journalctl -k -b --no-pager']]);
    const fix = recollect(asRoot, missing);
    expect(notes(fix)).toEqual(['Install the missing tools first (package names on Debian and RHEL): systemd.']);
    expect(fix.steps.find((s) => s.kind === 'run')).toMatchObject({ command: 'sudo sh collect.sh' });
    expect(fix.summary).toBe('Run the collector again as root');
    planOf('evidence-incomplete', fix, null);
  });

  it('as root with nothing to install: just the collector again', () => {
    const fix = recollect(false, []);
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'verify']);
    expect(commands(fix)).toEqual(['sh collect.sh', 'ls -t ptdoctor-*.tgz | head -n 1']);
  });

  it('one package for several of its tools (lspci -nnk and lspci -nnvvv are pciutils); an unknown tool by its own name', () => {
    const fix = recollect(false, ['lspci -nnk', 'lspci -nnvvv', 'dmidecode -t system']);
    expect(notes(fix)).toEqual(['Install the missing tools first (package names on Debian and RHEL): pciutils, dmidecode.']);
  });
});

describe('keepBootLog', () => {
  it('the journal of this boot, a note on log_buf_len, and a check that it starts at "Linux version"', () => {
    const fix = keepBootLog();
    expect(fix.steps.map((s) => s.kind)).toEqual(['run', 'note', 'verify']);
    expect(commands(fix)).toEqual(['journalctl -k -b --no-pager > kernel-boot.log', 'head -1 kernel-boot.log']);
    planOf('evidence-incomplete', fix, null);
  });
});
