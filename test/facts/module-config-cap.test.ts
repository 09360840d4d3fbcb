/**
 * The cap on modprobe.d directives (src/facts/module-config.ts MAX_MODPROBE_DIRECTIVES): a file of
 * more (hostile: the lab's own `options vfio-pci ids=` line repeated) is read up to the cap, and
 * the rest is a gap the report shows, never dropped in silence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { MAX_MODPROBE_DIRECTIVES } from '../../src/facts/module-config.js';
import { ROOT, sampleBundle } from '../helpers/bundle-from.js';

const line = readFileSync(join(ROOT, 'samples/lab-intel-healthy/evidence/etc/modprobe.d/vfio.conf'), 'utf8').split('\n')[0]!;
const configOf = (text: string) =>
  analyzeBundle(sampleBundle('lab-intel-healthy', { 'modprobe-d': text }), { rules: [] }).facts.moduleConfig;

describe('modprobe.d directives past the cap', () => {
  it('are not read, and the fact says so', () => {
    const f = configOf(`${line}\n`.repeat(MAX_MODPROBE_DIRECTIVES + 5));
    expect(f.state).toBe('known');
    if (f.state !== 'known') return;
    expect(f.value.modprobe).toHaveLength(MAX_MODPROBE_DIRECTIVES);
    expect(f.gaps.map((g) => g.why)).toContain(
      `holds more than ${MAX_MODPROBE_DIRECTIVES} directives: the rest, from /etc/modprobe.d/test.conf on, was not read`,
    );
  });

  it('a real file is read whole, with no gap', () => {
    const f = configOf(`${line}\n`);
    expect(f.state === 'known' && f.gaps).toEqual([]);
  });
});
