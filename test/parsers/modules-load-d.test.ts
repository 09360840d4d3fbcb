import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseModulesLoadD } from '../../src/parsers/modules-load-d.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/modules-load-d/${p}`, import.meta.url), 'utf8');

describe('parseModulesLoadD', () => {
  it('parses the header sample (seed-vfio.conf)', () => {
    const r = parseModulesLoadD(fx('seed-vfio.conf'));
    expect(r.modules.map((m) => [m.module, m.line])).toEqual([
      ['vfio', 1],
      ['vfio_iommu_type1', 2],
      ['vfio_pci', 3],
      ['vfio_virqfd', 4],
    ]);
  });

  it('folds dashes in moduleKey (man page example) and skips comments', () => {
    expect(parseModulesLoadD(fx('man-virtio-net.conf')).modules).toEqual([
      { module: 'virtio-net', moduleKey: 'virtio_net', args: '', line: 2, text: 'virtio-net' },
    ]);
  });

  it('reads Debian /etc/modules (comments only) and leading spaces (pve-docs)', () => {
    expect(parseModulesLoadD(fx('debian-etc-modules.txt')).modules).toEqual([]);
    expect(parseModulesLoadD(fx('pve-etc-modules.txt')).modules.map((m) => m.moduleKey)).toEqual(['vfio', 'vfio_iommu_type1', 'vfio_pci']);
  });

  it('keeps args after the name and treats ; as a comment', () => {
    const r = parseModulesLoadD('; comment\nvfio-pci ids=10de:1b80\n');
    expect(r.modules).toEqual([
      { module: 'vfio-pci', moduleKey: 'vfio_pci', args: 'ids=10de:1b80', line: 2, text: 'vfio-pci ids=10de:1b80' },
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(parseModulesLoadD('')).toEqual({ modules: [] });
  });

  it('parses a CRLF copy of each fixture (newlines converted to CRLF in the test) like the LF original', () => {
    for (const name of ['seed-vfio.conf', 'man-virtio-net.conf', 'pve-etc-modules.txt', 'debian-etc-modules.txt']) {
      const lf = fx(name);
      expect(parseModulesLoadD(lf.replaceAll('\n', '\r\n'))).toEqual(parseModulesLoadD(lf));
    }
    expect(parseModulesLoadD(fx('seed-vfio.conf').replaceAll('\n', '\r\n')).modules.map((m) => m.text)).toEqual([
      'vfio',
      'vfio_iommu_type1',
      'vfio_pci',
      'vfio_virqfd',
    ]);
  });
});
