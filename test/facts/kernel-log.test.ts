/**
 * The kernel log's evidence references are display text: capped at 500 characters like every other
 * reference (src/facts/fact.ts), whatever the length of the log line they cite.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Fact } from '../../src/facts/fact.js';
import { logLines, logRef } from '../../src/facts/kernel-log.js';
import type { KernelLogFacts } from '../../src/facts/model.js';
import { fx, sampleBundle } from '../helpers/bundle-from.js';

// `dmesg` of a Firecracker guest (test/fixtures/SOURCES.md): line 2, the kernel's "Command line:",
// is 556 characters long.
const dmesg = fx('dmesg/firecracker-6.18.txt');
const commandLine = dmesg.split('\n')[1] ?? '';
const capped = `${commandLine.slice(0, 500)}…`;

const kernelLog = (text: string): Fact<KernelLogFacts> =>
  analyzeBundle(sampleBundle('lab-intel-healthy', { dmesg: text }), { rules: [] }).facts.kernelLog;

describe('kernel log evidence references', () => {
  it('cite a long line with its text cut at 500 characters', () => {
    expect(commandLine).toHaveLength(556);
    const log = kernelLog(dmesg);
    if (log.state !== 'known') throw new Error(`kernel log unknown: ${log.reason}`);
    const [line] = logLines(log.value, 'Command line: ');
    expect(line?.line).toBe(2);
    expect(logRef(log.value, line!)).toEqual({ evidence: 'dmesg', source: 'dmesg', line: 2, text: capped });
  });

  it("cap the fact's own reference to the log's first line (a log that lost its banner starts at a long line)", () => {
    const log = kernelLog(dmesg.split('\n').slice(1).join('\n'));
    if (log.state !== 'known') throw new Error(`kernel log unknown: ${log.reason}`);
    expect(log.value.hasBootMessages).toBe(false);
    expect(log.evidence).toEqual([{ evidence: 'dmesg', source: 'dmesg', line: 1, text: capped }]);
  });
});
