import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSystemdDetectVirt } from '../../src/parsers/systemd-detect-virt.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/systemd-detect-virt/${p}`, import.meta.url), 'utf8');

describe('parseSystemdDetectVirt', () => {
  it('parses the header sample (docker.txt)', () => {
    expect(parseSystemdDetectVirt(fx('docker.txt'))).toEqual({
      value: 'docker',
      isVirtual: true,
      kind: 'container',
      line: 1,
      text: 'docker',
      unparsed: [],
    });
  });

  it('classifies none and hypervisors', () => {
    expect(parseSystemdDetectVirt('none\n')).toMatchObject({ isVirtual: false, kind: 'none' });
    expect(parseSystemdDetectVirt('kvm\n')).toMatchObject({ isVirtual: true, kind: 'vm' });
  });

  it('returns no value for empty input; extra or odd lines are unparsed', () => {
    expect(parseSystemdDetectVirt('')).toEqual({ unparsed: [] });
    expect(parseSystemdDetectVirt('docker\nkvm\n').unparsed).toEqual([{ line: 2, text: 'kvm' }]);
    expect(parseSystemdDetectVirt('Failed to check\n').value).toBeUndefined();
  });

  it('parses a CRLF copy of docker.txt (newline converted to CRLF in the test) like the LF original', () => {
    const lf = fx('docker.txt');
    const r = parseSystemdDetectVirt(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseSystemdDetectVirt(lf));
    expect(r.text).toBe('docker');
  });
});
