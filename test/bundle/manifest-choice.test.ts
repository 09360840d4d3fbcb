/**
 * Only the manifest.json that strip-top-directory.ts will read is kept outside the kept-bytes
 * budget; every other file named manifest.json is charged like evidence. Sequences of names as a
 * reader meets them, with the outcome the stripping rules give (root manifest first; else the one
 * under the single top directory that is not a layout directory).
 */
import { describe, expect, it } from 'vitest';
import { ManifestChoice } from '../../src/bundle/manifest-choice.js';

function admit(paths: readonly string[]): { exempt: string[]; demoted: string[] } {
  const choice = new ManifestChoice();
  const exempt: string[] = [];
  const demoted: string[] = [];
  for (const p of paths) {
    const a = choice.admit(p);
    if (a.exempt) exempt.push(p);
    if (a.demote !== null) demoted.push(a.demote);
  }
  return { exempt, demoted };
}

describe('which manifest is kept outside the budget', () => {
  it("the collector's layout: the manifest under its one top directory", () => {
    expect(admit(['ptdoctor-h/proc/cmdline', 'ptdoctor-h/manifest.json', 'ptdoctor-h/commands/dmesg.out'])).toEqual({
      exempt: ['ptdoctor-h/manifest.json'],
      demoted: [],
    });
  });

  it('a root manifest, wherever it comes', () => {
    expect(admit(['proc/cmdline', 'manifest.json'])).toEqual({ exempt: ['manifest.json'], demoted: [] });
  });

  it('decoys in other top directories are charged; the first is charged once a second top appears', () => {
    expect(admit(['d0/manifest.json', 'd1/manifest.json', 'd2/manifest.json'])).toEqual({
      exempt: ['d0/manifest.json'],
      demoted: ['d0/manifest.json'],
    });
  });

  it('a root manifest after a candidate under a top directory takes its place', () => {
    expect(admit(['top/manifest.json', 'manifest.json', 'other/manifest.json'])).toEqual({
      exempt: ['top/manifest.json', 'manifest.json'],
      demoted: ['top/manifest.json'],
    });
  });

  it('a file at the root means no top directory is stripped, so its manifest is not read', () => {
    expect(admit(['top/manifest.json', 'README'])).toEqual({ exempt: ['top/manifest.json'], demoted: ['top/manifest.json'] });
    expect(admit(['README', 'top/manifest.json'])).toEqual({ exempt: [], demoted: [] });
  });

  it('never under a layout directory, never deeper than the top directory', () => {
    expect(admit(['etc/manifest.json', 'etc/default/grub'])).toEqual({ exempt: [], demoted: [] });
    expect(admit(['top/sub/manifest.json', 'top/manifest.json'])).toEqual({ exempt: ['top/manifest.json'], demoted: [] });
  });
});
