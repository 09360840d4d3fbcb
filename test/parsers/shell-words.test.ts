import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mergeDefaultGrub, parseDefaultGrub } from '../../src/parsers/default-grub.js';
import { expandParts, MAX_EXPANDED, MAX_STATEMENTS, splitAssignment, splitShellStatements } from '../../src/parsers/shell-words.js';

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

/**
 * Hostile input that made the scanner exhaust memory (a 130 KB bundle reached 4 GB): a value that
 * doubles itself on every line, and one line of tens of thousands of statements that each copied
 * the whole line. Parsed in a child process capped at 256 MiB of heap, it finishes with bounded
 * output.
 */
describe('hostile shell input stays bounded', () => {
  const doubling = `A=x\n${'A="$A$A"\n'.repeat(13_000)}`;
  const semicolons = `${'a;'.repeat(65_000)}\n`;

  it('a self-doubling variable stops at MAX_EXPANDED', () => {
    const g = mergeDefaultGrub([{ path: '/etc/default/grub', text: doubling }]);
    expect(g.vars['A']?.value.length).toBe(MAX_EXPANDED);
    expect(g.assignments.length).toBeLessThanOrEqual(MAX_STATEMENTS);
  });

  it('a line of 65,000 statements stops at MAX_STATEMENTS, with a cut marker, each text short', () => {
    const sts = splitShellStatements(semicolons);
    expect(sts.length).toBe(MAX_STATEMENTS + 1);
    expect(sts.at(-1)?.cut).toBe(true);
    expect(Math.max(...sts.map((s) => s.text.length))).toBeLessThanOrEqual(1024);
    expect(parseDefaultGrub(semicolons).unparsed.at(-1)?.text).toMatch(/scanning stopped/);
  });

  it('both run to the end in a process with a 256 MiB heap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-shell-'));
    writeFileSync(join(dir, 'doubling.txt'), doubling);
    writeFileSync(join(dir, 'semicolons.txt'), semicolons);
    const entry = join(dir, 'run.ts');
    writeFileSync(
      entry,
      `import { readFileSync } from 'node:fs';
import { mergeDefaultGrub } from ${JSON.stringify(new URL('../../src/parsers/default-grub.ts', import.meta.url).pathname)};
for (const f of ['doubling.txt', 'semicolons.txt']) {
  const g = mergeDefaultGrub([{ path: '/etc/default/grub', text: readFileSync(${JSON.stringify(dir)} + '/' + f, 'utf8') }]);
  console.log(f, g.assignments.length, g.unparsed.length);
}
`,
    );
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: join(dir, 'run.mjs'), logLevel: 'silent' });
    const r = spawnSync(process.execPath, ['--max-old-space-size=256', join(dir, 'run.mjs')], { encoding: 'utf8', timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('doubling.txt 5000 1\nsemicolons.txt 0 5001\n');
  });
});
