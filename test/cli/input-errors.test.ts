/**
 * Inputs the shipped CLI cannot read end in one line on stderr and exit 2, never an internal
 * error: a symbolic link loop, a dangling link, a directory that cannot be listed (run as an
 * unprivileged user: root lists everything). Inside a bundle directory, links are never
 * followed and a subdirectory that cannot be listed is reported as refused, not fatal.
 */
import { chmodSync, cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportJson } from '../../src/report/json-report.js';
import { ROOT } from '../helpers/bundle-from.js';
import { isRoot, shipped } from './shipped-cli.js';

const EVIDENCE = join(ROOT, 'samples', 'lab-group-shared', 'evidence');
const ONE_LINE = /^ptdoctor: [^\n]+\n$/;

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ptd-input-'));
  chmodSync(dir, 0o755);
  return dir;
}

describe('unreadable inputs (shipped CLI)', () => {
  it('a symbolic link loop', () => {
    const dir = scratch();
    symlinkSync(join(dir, 'b'), join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    const r = shipped(['analyze', join(dir, 'a')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toContain(join(dir, 'a'));
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('a dangling link', () => {
    const dir = scratch();
    symlinkSync(join(dir, 'gone'), join(dir, 'bundle'));
    const r = shipped(['analyze', join(dir, 'bundle')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ptdoctor: cannot read ${join(dir, 'bundle')}: no such file or directory\n`);
  });

  it('a pasted text file given as a symbolic link is refused, like links inside a bundle', () => {
    const dir = scratch();
    const paste = join(ROOT, 'test/real-cases/cases/github-magole-proxmoxve-62-zfs-systemd-boot-healthy/dmesg-grep-dmar-iommu.txt');
    cpSync(paste, join(dir, 'dmesg.txt'));
    symlinkSync(join(dir, 'dmesg.txt'), join(dir, 'link.txt'));
    const r = shipped(['analyze', join(dir, 'link.txt'), join(dir, 'dmesg.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ptdoctor: cannot read ${join(dir, 'link.txt')}: is a symbolic link (refused)\n`);
  });

  it('a directory that cannot be listed', () => {
    const dir = scratch();
    cpSync(EVIDENCE, join(dir, 'bundle'), { recursive: true });
    chmodSync(join(dir, 'bundle'), 0o311);
    const r = shipped(['analyze', join(dir, 'bundle')], { asNobody: isRoot() });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ptdoctor: cannot list ${join(dir, 'bundle')}: permission denied\n`);
  });

  it('inside a bundle directory: links are refused, an unlistable subdirectory is refused by name', () => {
    const dir = scratch();
    const bundle = join(dir, 'bundle');
    cpSync(EVIDENCE, bundle, { recursive: true });
    symlinkSync(join(bundle, 'loop'), join(bundle, 'loop'));
    symlinkSync('/nonexistent', join(bundle, 'etc', 'dangling'));
    mkdirSync(join(bundle, 'etc', 'locked'));
    chmodSync(join(bundle, 'etc', 'locked'), 0o300);
    chmodSync(join(bundle, 'etc'), 0o755);
    const r = shipped(['analyze', bundle, '-f', 'json', '--fail-on', 'never'], { asNobody: isRoot() });
    expect(r.status, r.stderr).toBe(0);
    const skipped = new Map(ReportJson.parse(JSON.parse(r.stdout)).bundle.skipped.map((s) => [s.name, s.reason]));
    expect(skipped.get('loop')).toBe('symlink (only regular files are read)');
    expect(skipped.get('etc/dangling')).toBe('symlink (only regular files are read)');
    expect(skipped.get('etc/locked')).toBe('cannot list the directory: permission denied');
  });
});

describe('outputs the shipped CLI cannot write', () => {
  it('-o into a directory that does not exist: one line naming the path, exit 2', () => {
    const out = join(scratch(), 'no-such-dir', 'report');
    const r = shipped(['analyze', EVIDENCE, '-f', 'md', '-f', 'json', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).toContain(`cannot write ${out}.md: no such file or directory`);
  });

  it('diff -o into a directory that does not exist', () => {
    const out = join(scratch(), 'no-such-dir', 'diff.json');
    const r = shipped(['diff', EVIDENCE, EVIDENCE, '-f', 'json', '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ptdoctor: cannot write ${out}: no such file or directory\n`);
  });
});
