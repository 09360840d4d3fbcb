import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModprobeD } from '../../src/parsers/modprobe-d.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/modprobe-d/${p}`, import.meta.url), 'utf8');

describe('parseModprobeD', () => {
  it('parses the header sample (kmod-aliases.conf lines 5–6)', () => {
    const r = parseModprobeD(fx('kmod-aliases.conf').split('\n').slice(4, 6).join('\n'));
    expect(r.records).toEqual([
      {
        kind: 'options',
        module: 'snd-pcsp',
        moduleKey: 'snd_pcsp',
        params: [{ key: 'index', value: '-2', raw: 'index=-2' }],
        line: 1,
        text: 'options snd-pcsp index=-2',
      },
      {
        kind: 'options',
        module: 'cx88_alsa',
        moduleKey: 'cx88_alsa',
        params: [{ key: 'index', value: '-2', raw: 'index=-2' }],
        line: 2,
        text: 'options cx88_alsa index=-2',
      },
    ]);
  });

  it('reads softdep and every line of the shipped kmod file', () => {
    const r = parseModprobeD(fx('kmod-aliases.conf'));
    expect(r.records.find((x) => x.line === 14)).toMatchObject({
      kind: 'softdep',
      module: 'uhci-hcd',
      moduleKey: 'uhci_hcd',
      pre: ['ehci-hcd'],
      post: [],
    });
    expect(r.records.map((x) => x.kind)).toEqual(['options', 'options', 'options', 'options', 'options', 'softdep', 'softdep']);
    expect(r.unparsed).toEqual([]);
  });

  it('reads alias lines', () => {
    expect(parseModprobeD('alias pci:v000010DEd00001B80sv*sd*bc03sc*i* vfio-pci\n').records[0]).toMatchObject({
      kind: 'alias',
      pattern: 'pci:v000010DEd00001B80sv*sd*bc03sc*i*',
      module: 'vfio-pci',
      moduleKey: 'vfio_pci',
    });
  });

  it('accepts leading whitespace and dashed module names (pve-docs lines)', () => {
    const ids = parseModprobeD(fx('pve-vfio-ids.conf')).records[0];
    expect(ids).toMatchObject({
      kind: 'options',
      module: 'vfio-pci',
      moduleKey: 'vfio_pci',
      line: 1,
      text: ' options vfio-pci ids=1234:5678,4321:8765',
    });
    expect(ids?.kind === 'options' ? ids.params : []).toEqual([
      { key: 'ids', value: '1234:5678,4321:8765', raw: 'ids=1234:5678,4321:8765' },
    ]);
    expect(parseModprobeD(fx('pve-blacklist.conf')).records[0]).toMatchObject({ kind: 'blacklist', module: 'DRIVERNAME' });
    expect(parseModprobeD(fx('pve-unsafe-interrupts.conf')).records[0]).toMatchObject({ kind: 'options', moduleKey: 'vfio_iommu_type1' });
  });

  it('joins backslash continuations and keeps install commands verbatim', () => {
    const r = parseModprobeD('install nouveau /bin/false\noptions vfio-pci \\\n  ids=10de:1b80\n');
    expect(r.records[0]).toMatchObject({ kind: 'install', command: '/bin/false', line: 1 });
    expect(r.records[1]).toMatchObject({ kind: 'options', line: 2, text: 'options vfio-pci \\\n  ids=10de:1b80' });
  });

  it('returns nothing for empty input; unknown commands and bare keywords are unparsed', () => {
    expect(parseModprobeD('')).toEqual({ records: [], unparsed: [] });
    expect(parseModprobeD('frobnicate x\nblacklist\nsoftdep a b\n').unparsed.map((u) => u.line)).toEqual([1, 2, 3]);
  });

  it('reads hostile long lines for what they are', () => {
    const chain = parseModprobeD('options m ' + 'a='.repeat(1_000_000)).records;
    expect(chain.map((r) => [r.kind, r.moduleKey, r.kind === 'options' ? r.params.map((p) => p.key) : []])).toEqual([
      ['options', 'm', ['a']],
    ]);
    // 200,000 continuation lines join into one blank logical line; blanks then a word is no directive.
    for (const s of ['\\\n'.repeat(200_000), ' \t'.repeat(1_000_000) + 'x']) {
      expect(parseModprobeD(s).records).toEqual([]);
    }
  });

  it('parses a CRLF copy of each fixture (newlines converted to CRLF in the test) like the LF original', () => {
    for (const name of ['kmod-aliases.conf', 'pve-blacklist.conf', 'pve-unsafe-interrupts.conf', 'pve-vfio-ids.conf']) {
      const lf = fx(name);
      const r = parseModprobeD(lf.replaceAll('\n', '\r\n'));
      expect(r).toEqual(parseModprobeD(lf));
      expect(r.records.length).toBeGreaterThan(0);
    }
  });
});
