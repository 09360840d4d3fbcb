import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandParts, splitAssignment, splitShellStatements } from '../../src/parsers/shell-words.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/default-grub/${p}`, import.meta.url), 'utf8');

describe('splitShellStatements', () => {
  it('parses the header sample (debian-12-template.txt line 8)', () => {
    const line = fx('debian-12-template.txt').split('\n')[7] ?? '';
    const [st] = splitShellStatements(line);
    expect(st?.words).toHaveLength(1);
    expect(st?.words[0]?.parts).toEqual([
      { kind: 'text', text: 'GRUB_DISTRIBUTOR=' },
      { kind: 'command', raw: '`lsb_release -i -s 2> /dev/null || echo Debian`' },
    ]);
  });

  it('splits $VAR references inside double quotes (grub-d-append.cfg line 2)', () => {
    const sts = splitShellStatements(fx('grub-d-append.cfg'));
    expect(sts).toHaveLength(1);
    const a = splitAssignment(sts[0]!.words[0]!);
    expect(a?.name).toBe('GRUB_CMDLINE_LINUX');
    expect(expandParts(a?.value ?? [], (n) => (n === 'GRUB_CMDLINE_LINUX' ? 'quiet' : undefined)).value).toBe(
      'quiet intel_iommu=on iommu=pt',
    );
  });

  it('returns nothing for empty input and comments', () => {
    expect(splitShellStatements('')).toEqual([]);
    expect(splitShellStatements('# only\n\n')).toEqual([]);
  });

  it('flags unterminated quotes', () => {
    expect(splitShellStatements('A="x\n')[0]?.unterminated).toBe(true);
  });

  it('survives hostile long lines', () => {
    for (const s of ["'".repeat(1_000_001), '"$'.repeat(500_000), '${x'.repeat(300_000), '\\'.repeat(2_000_001)]) {
      expect(() => splitShellStatements(s)).not.toThrow();
    }
  });
});
