/**
 * Pasted text is untrusted: recognition stays linear and bounded on the shapes that hurt line
 * recognisers (one enormous line, a flood of short pieces of alternating kinds), and what it
 * returns still describes the input.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/bundle/limits.js';
import { buildLooseBundle } from '../../src/loose/loose-bundle.js';

describe('loose evidence under hostile input', () => {
  it('reads a 16 MiB single line of brackets, digits and spaces as one unrecognised piece', () => {
    for (const unit of ['[', '0', ' 1=', 'IOMMU Group ', '\t']) {
      const text = unit.repeat(Math.floor(LIMITS.maxEntryBytes / unit.length));
      const b = buildLooseBundle([{ name: 'x.txt', text }], 'x');
      expect(b.inputs.pieces.length, JSON.stringify(unit)).toBeLessThanOrEqual(1);
    }
  });

  it('handles 200,000 lines alternating two kinds: every modprobe.d piece a file, the meminfo lines joined', () => {
    // `options vfio-pci ids=…` (pve-docs, test/fixtures/modprobe-d/pve-vfio-ids.conf) and `MemTotal:` (this machine's /proc/meminfo)
    const text = ' options vfio-pci ids=1002:67df,1002:aaf0\nMemTotal:       24683620 kB\n'.repeat(100_000);
    const b = buildLooseBundle([{ name: 'flood.txt', text }], 'flood');
    expect(b.inputs.pieces).toHaveLength(200_000);
    expect([...b.bundle.files.keys()].filter((p) => p.startsWith('etc/modprobe.d/'))).toHaveLength(100_000);
    expect(b.bundle.files.get('proc/meminfo')?.bytes.toString('utf8').split('\n')).toHaveLength(100_001);
  });

  it('handles 200,000 prompts without output', () => {
    const b = buildLooseBundle([{ name: 'prompts.txt', text: '$ lspci -nnk\n'.repeat(200_000) }], 'p');
    expect(b.inputs.pieces).toHaveLength(200_000);
    expect(b.inputs.pieces.every((p) => p.readAs === 'a command without output')).toBe(true);
  });
});
