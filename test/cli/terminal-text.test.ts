/**
 * Everything the shipped CLI prints on stderr passes the visible-text filter that evidence
 * passes (src/report/visible-text.ts): paths and names come from the command line, from file
 * names a bundle's sender chose, and from commander's own messages, and none may carry a raw
 * escape sequence (OSC 52 writes the clipboard, OSC 8 makes links, CSI clears the screen) or a
 * bidi override to the engineer's terminal.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/bundle-from.js';
import { shipped } from './shipped-cli.js';

const ESCAPES = '\u001b]52;c;cHduZWQ=\u0007\u001b[2J\u009b31m\u202e';
const SHOWN = '\\x1b]52;c;cHduZWQ=\\x07\\x1b[2J\\x9b31m\\u202e';
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal messages (shipped CLI)', () => {
  it('an input name in an error line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-term-'));
    const bad = join(dir, `bundle${ESCAPES}.tgz`);
    writeFileSync(bad, 'PK\u0003\u0004 a zip');
    const r = shipped(['analyze', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`ptdoctor: ${join(dir, `bundle${SHOWN}.tgz`)} is a zip archive, not a tar.gz bundle\n`);
  });

  it('an output path in "wrote …"', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-term-'));
    const out = join(dir, `report${ESCAPES}.json`);
    const r = shipped(['analyze', join(ROOT, 'samples', 'lab-group-shared.tgz'), '-f', 'json', '-o', out, '--fail-on', 'never']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`wrote ${join(dir, `report${SHOWN}.json`)}\n`);
  });

  it("commander's own messages", () => {
    const r = shipped(['analyze', `--x${ESCAPES}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(SHOWN);
    expect(r.stderr).not.toMatch(RAW);
  });

  it('a fleet run: bundle names chosen by their senders, and the summary path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ptd-term-'));
    copyFileSync(join(ROOT, 'samples', 'lab-group-shared.tgz'), join(dir, `host${ESCAPES}.tgz`));
    writeFileSync(join(dir, `broken${ESCAPES}.tgz`), 'not a bundle');
    const out = join(mkdtempSync(join(tmpdir(), 'ptd-term-')), `out${ESCAPES}`);
    const r = shipped(['analyze', dir, '-o', out]);
    expect(r.stdout).toBe(`2 hosts, 1 could not be analyzed; summary in ${out.replace(ESCAPES, SHOWN)}/summary.html (.md, .json, .csv)\n`);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
  });
});
