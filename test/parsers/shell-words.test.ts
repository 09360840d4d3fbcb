import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { mergeDefaultGrub, parseDefaultGrub } from '../../src/parsers/default-grub.js';
import {
  expandParts,
  MAX_EXPANDED,
  MAX_STATEMENTS,
  MAX_WORDS,
  splitAssignment,
  splitShellStatements,
} from '../../src/parsers/shell-words.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/default-grub/${p}`, import.meta.url), 'utf8');
/** Excerpts of Debian 12's /usr/sbin/grub-mkconfig, the script that sources /etc/default/grub (test/fixtures/shell-words/SOURCES.md). */
const mkconfig = (p: string): string => readFileSync(new URL(`../fixtures/shell-words/${p}`, import.meta.url), 'utf8');

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

  it('reads ${NAME} in double quotes and an indented assignment inside if … fi (grub-mkconfig lines 28–35)', () => {
    const sts = splitShellStatements(mkconfig('grub-mkconfig-28-35.sh'));
    // `if [ … ]; then` is two statements on line 6.
    expect(sts.map((s) => s.line)).toEqual([1, 2, 3, 4, 5, 6, 6, 7, 8]);
    expect(sts[4]?.words[0]?.parts).toEqual([
      { kind: 'text', text: 'datadir=' },
      { kind: 'var', name: 'datarootdir', raw: '${datarootdir}' },
    ]);
    expect(sts[5]?.words.map((w) => w.raw)).toEqual(['if', '[', '"x$pkgdatadir"', '=', 'x', ']']);
    expect(sts[6]?.words.map((w) => w.raw)).toEqual(['then']);
    const pkgdatadir = sts[7];
    expect(pkgdatadir?.text).toBe('    pkgdatadir="${datadir}/grub"');
    const a = splitAssignment(pkgdatadir!.words[0]!);
    expect(a?.name).toBe('pkgdatadir');
    expect(expandParts(a?.value ?? [], (n) => (n === 'datadir' ? '/usr/share' : undefined))).toEqual({
      value: '/usr/share/grub',
      unresolved: [],
      hasCommand: false,
    });
  });

  it('keeps \\` as a backquote inside double quotes, $1 and $# as text (grub-mkconfig lines 67–76)', () => {
    const sts = splitShellStatements(mkconfig('grub-mkconfig-67-76.sh'));
    expect(sts.find((s) => s.line === 2)?.words[0]?.parts).toEqual([{ kind: 'text', text: 'opt=$1' }]);
    expect(sts.find((s) => s.line === 5)?.words.map((w) => w.raw)).toEqual(['if', 'test', '$#', '-eq', '0']);
    const printf = sts.find((s) => s.line === 6);
    expect(printf?.words[0]?.raw).toBe('gettext_printf');
    // `\`` is an escaped backquote, `\n` keeps its backslash, the single quote is literal.
    expect(printf?.words[1]?.parts).toEqual([{ kind: 'text', text: "%s: option requires an argument -- `%s'\\n" }]);
    expect(printf?.words[2]?.parts).toEqual([{ kind: 'var', name: 'self', raw: '$self' }]);
  });

  it('keeps backquoted commands inside double quotes verbatim; `|| true` is a statement of its own (grub-mkconfig lines 134–148)', () => {
    const sts = splitShellStatements(mkconfig('grub-mkconfig-134-148.sh'));
    expect(
      sts.map((s) => [
        s.line,
        s.words
          .map((w) => w.raw)
          .join(' ')
          .slice(0, 22),
      ]),
    ).toEqual([
      [2, 'GRUB_DEVICE="`${grub_p'],
      [3, 'GRUB_DEVICE_UUID="`${g'],
      [3, 'true'],
      [4, 'GRUB_DEVICE_PARTUUID="'],
      [4, 'true'],
      [7, 'GRUB_DEVICE_BOOT="`${g'],
      [8, 'GRUB_DEVICE_BOOT_UUID='],
      [8, 'true'],
      [11, 'GRUB_DISABLE_OS_PROBER'],
      [15, 'GRUB_FS="`${grub_probe'],
    ]);
    const fs = splitAssignment(sts[9]!.words[0]!);
    expect(fs?.name).toBe('GRUB_FS');
    // The `||` inside the substitution neither splits the statement nor is run.
    expect(fs?.value).toEqual([
      { kind: 'command', raw: '`${grub_probe} --device ${GRUB_DEVICE} --target=fs 2> /dev/null || echo unknown`' },
    ]);
    expect(sts[1]?.text).toBe('GRUB_DEVICE_UUID="`${grub_probe} --device ${GRUB_DEVICE} --target=fs_uuid 2> /dev/null`" || true');
  });

  it('joins backslash-newline continuations into one statement (grub-mkconfig lines 209–220)', () => {
    const text = mkconfig('grub-mkconfig-209-220.sh');
    const sts = splitShellStatements(text);
    expect(sts).toHaveLength(1);
    expect(sts[0]).toMatchObject({ line: 3, endLine: 12, text: text.split('\n').slice(2, 12).join('\n') });
    expect(sts[0]?.words.map((w) => w.raw)).toEqual([
      'export',
      'GRUB_DEVICE',
      'GRUB_DEVICE_UUID',
      'GRUB_DEVICE_PARTUUID',
      'GRUB_DEVICE_BOOT',
      'GRUB_DEVICE_BOOT_UUID',
      'GRUB_DISABLE_OS_PROBER',
      'GRUB_FS',
      'GRUB_FONT',
      'GRUB_PRELOAD_MODULES',
      'GRUB_ACTUAL_DEFAULT',
    ]);
  });

  it('stops at MAX_WORDS words in one statement, with a cut marker in its place', () => {
    expect(splitShellStatements(`${'x '.repeat(MAX_WORDS + 1)}\nA=1\n`)).toEqual([
      { line: 1, endLine: 1, text: `(scanning stopped: more than ${MAX_WORDS} words in one statement)`, words: [], cut: true },
    ]);
  });

  it('reads a hostile long line as the one statement it is', () => {
    // Unterminated quotes and expansions, and a trailing backslash: one statement on line 1 each.
    for (const s of ["'".repeat(1_000_001), '"$'.repeat(500_000), '${x'.repeat(300_000), '\\'.repeat(2_000_001)]) {
      expect(splitShellStatements(s).map((st) => st.line)).toEqual([1]);
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
