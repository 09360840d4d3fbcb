import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { kernelMajorMinor, parseUname } from '../../src/parsers/uname.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseUname', () => {
  it('parses the header sample', () => {
    const u = parseUname(fx('uname/firecracker-6.18.txt'));
    expect(u).toMatchObject({
      kernelName: 'Linux',
      release: '6.18.44-fc-v782',
      version: '#1 SMP PREEMPT_DYNAMIC @0',
      machine: 'x86_64',
      major: 6,
      minor: 18,
      line: 1,
    });
  });
  it('reads major and minor of a distribution release (the manifest holds the release alone)', () => {
    expect(kernelMajorMinor('5.4.130-1.yn20221208.el7.x86_64')).toEqual({ major: 5, minor: 4 });
    expect(kernelMajorMinor('unknown')).toBeUndefined();
  });
  it('returns nothing for empty input and unparsed for short lines', () => {
    expect(parseUname('')).toEqual({ unparsed: [] });
    expect(parseUname('Linux\n').unparsed.length).toBe(1);
  });

  it('reads uname -a: host name after the kernel name, processor and OS names at the end', () => {
    expect(parseUname(fx('loose/this-machine/uname-a.txt'))).toMatchObject({
      kernelName: 'Linux',
      nodename: 'vm',
      release: '6.18.44-fc-v1272',
      version: '#1 SMP PREEMPT_DYNAMIC @0',
      machine: 'x86_64',
      major: 6,
      minor: 18,
    });
  });

  it('reads uname -r: the release alone', () => {
    const u = parseUname(fx('loose/this-machine/uname-r.txt'));
    expect(u).toMatchObject({ release: '6.18.44-fc-v1272', major: 6, minor: 18, line: 1 });
    expect(u.machine).toBeUndefined();
  });
});
