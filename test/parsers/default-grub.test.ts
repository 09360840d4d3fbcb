import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeDefaultGrub, parseDefaultGrub } from '../../src/parsers/default-grub.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/default-grub/${p}`, import.meta.url), 'utf8');

describe('parseDefaultGrub', () => {
  it('parses the header sample (Debian 12 template lines 6–10)', () => {
    const lines = fx('debian-12-template.txt').split('\n').slice(5, 10).join('\n');
    expect(lines.split('\n')[3]).toBe('GRUB_CMDLINE_LINUX_DEFAULT="quiet"');
    const r = parseDefaultGrub(lines);
    expect(r.assignments.map((a) => a.name)).toEqual([
      'GRUB_DEFAULT',
      'GRUB_TIMEOUT',
      'GRUB_DISTRIBUTOR',
      'GRUB_CMDLINE_LINUX_DEFAULT',
      'GRUB_CMDLINE_LINUX',
    ]);
    expect(r.vars['GRUB_CMDLINE_LINUX_DEFAULT']?.value).toBe('quiet');
    expect(r.unparsed).toEqual([]);
  });

  it('keeps line numbers and verbatim text of the whole template; comments are skipped', () => {
    const r = parseDefaultGrub(fx('debian-12-template.txt'));
    expect(r.vars['GRUB_CMDLINE_LINUX']).toMatchObject({ value: '', line: 10, text: 'GRUB_CMDLINE_LINUX=""' });
    expect(r.vars['GRUB_DISABLE_OS_PROBER']).toMatchObject({ value: 'true', line: 17 });
    // "#GRUB_DISABLE_RECOVERY="true"" is commented out in the template.
    expect(r.vars['GRUB_DISABLE_RECOVERY']).toBeUndefined();
    expect(r.unparsed).toEqual([]);
  });

  it('keeps command substitutions verbatim and flags them', () => {
    const d = parseDefaultGrub(fx('debian-12-template.txt')).vars['GRUB_DISTRIBUTOR'];
    expect(d).toMatchObject({ value: '`lsb_release -i -s 2> /dev/null || echo Debian`', hasCommand: true, line: 8 });
  });

  it('reads the passthrough guide line in an edited template', () => {
    const v = parseDefaultGrub(fx('debian-12-iommu.txt')).vars['GRUB_CMDLINE_LINUX'];
    expect(v).toMatchObject({ value: 'intel_iommu=on iommu=pt vfio_iommu_type1.allow_unsafe_interrupts=1', line: 10 });
  });

  it('returns nothing for empty input', () => {
    expect(parseDefaultGrub('')).toEqual({ assignments: [], vars: {}, unparsed: [] });
  });

  it('sends shell that is not an assignment to unparsed', () => {
    const r = parseDefaultGrub('if [ -x /x ]; then\nGRUB_TIMEOUT=1\nfi\nGRUB_X="unterminated\n');
    expect(r.unparsed.map((u) => u.line)).toEqual([1, 1, 3, 4]);
    expect(r.vars['GRUB_TIMEOUT']?.line).toBe(2);
  });

  it('handles export, single quotes, continuations and later-wins', () => {
    const r = parseDefaultGrub('export GRUB_A=\'x $y\'\nGRUB_B="a \\\nb"\nGRUB_A=z\n');
    expect(r.assignments[0]).toMatchObject({ name: 'GRUB_A', value: 'x $y', line: 1 });
    expect(r.vars['GRUB_B']).toMatchObject({ value: 'a b', line: 2, text: 'GRUB_B="a \\\nb"' });
    expect(r.vars['GRUB_A']).toMatchObject({ value: 'z', line: 4 });
  });

  it('lists references to names never assigned', () => {
    const a = parseDefaultGrub(fx('grub-d-append.cfg')).vars['GRUB_CMDLINE_LINUX'];
    expect(a).toMatchObject({ value: ' intel_iommu=on iommu=pt', unresolved: ['GRUB_CMDLINE_LINUX'], line: 2 });
  });

  it('survives hostile long lines', () => {
    // An unterminated quote, expansion or command substitution is one unreadable statement.
    for (const s of ['"' + 'a\\'.repeat(500_000), '${'.repeat(300_000), '$('.repeat(300_000), '`'.repeat(300_001)]) {
      const r = parseDefaultGrub(s);
      expect(r.assignments).toEqual([]);
      expect(r.unparsed.map((u) => u.line)).toEqual([1]);
    }
    // `A=A=A=…` assigns A the rest of the word; a line of `#` is a comment.
    expect(parseDefaultGrub('A='.repeat(300_000)).assignments.map((a) => a.name)).toEqual(['A']);
    expect(parseDefaultGrub('#'.repeat(1_000_000))).toMatchObject({ assignments: [], unparsed: [] });
  });
});

describe('mergeDefaultGrub', () => {
  it('applies /etc/default/grub then grub.d/*.cfg in name order, snippets seeing earlier values', () => {
    const r = mergeDefaultGrub([
      { path: 'etc/default/grub.d/90-passthrough.cfg', text: fx('grub-d-append.cfg') },
      { path: 'etc/default/grub.d/init-select.cfg', text: fx('grub-d-init-select.cfg') },
      { path: 'etc/default/grub', text: fx('debian-12-template.txt') },
      { path: 'etc/default/grub.d/notes.txt', text: 'GRUB_CMDLINE_LINUX=ignored' },
    ]);
    // grub-mkconfig run on these same files printed `ro  intel_iommu=on iommu=pt quiet`
    // (test/fixtures/grub-cfg/debian-12-grub-d-append.cfg line 98): the leading space is real.
    expect(r.vars['GRUB_CMDLINE_LINUX']).toMatchObject({
      value: ' intel_iommu=on iommu=pt',
      file: 'etc/default/grub.d/90-passthrough.cfg',
      line: 2,
      unresolved: [],
    });
    expect(r.assignments.filter((a) => a.name === 'GRUB_CMDLINE_LINUX').map((a) => a.file)).toEqual([
      'etc/default/grub',
      'etc/default/grub.d/90-passthrough.cfg',
    ]);
  });
});
