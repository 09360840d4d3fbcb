import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGrubCfg } from '../../src/parsers/grub-cfg.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/grub-cfg/${p}`, import.meta.url), 'utf8');

describe('parseGrubCfg', () => {
  it('parses the header sample (debian-12-iommu.cfg lines 92 and 98)', () => {
    const all = fx('debian-12-iommu.cfg').split('\n');
    const sample = [all[91], all[97], '}'].join('\n');
    const r = parseGrubCfg(sample);
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]?.title).toBe('Debian GNU/Linux');
    expect(r.entries[0]?.linux[0]).toMatchObject({
      command: 'linux',
      kernel: '/boot/vmlinuz-6.1.0-56-amd64',
      params: 'root=/dev/vda ro intel_iommu=on iommu=pt vfio_iommu_type1.allow_unsafe_interrupts=1 quiet',
      line: 2,
    });
  });

  it('reads a real grub-mkconfig output: entries, submenu nesting, default', () => {
    const r = parseGrubCfg(fx('debian-12-iommu.cfg'));
    expect(r.entries.map((e) => [e.title, e.submenu, e.line])).toEqual([
      ['Debian GNU/Linux', undefined, 92],
      ['Debian GNU/Linux, with Linux 6.1.0-56-amd64', 'Advanced options for Debian GNU/Linux', 103],
      ['Debian GNU/Linux, with Linux 6.1.0-56-amd64 (recovery mode)', 'Advanced options for Debian GNU/Linux', 113],
    ]);
    expect(r.entries[2]?.linux[0]).toMatchObject({
      line: 119,
      params: 'root=/dev/vda ro single intel_iommu=on iommu=pt vfio_iommu_type1.allow_unsafe_interrupts=1',
    });
    expect(r.defaults.map((d) => [d.value, d.line])).toEqual([
      ['${next_entry}', 14],
      ['0', 19],
    ]);
    expect(r.blscfg).toEqual([]);
    expect(r.stub).toBeUndefined();
    expect(r.unparsed).toEqual([]);
  });

  it('keeps params verbatim, double space included (grub.d snippet appended to an empty value)', () => {
    const r = parseGrubCfg(fx('debian-12-grub-d-append.cfg'));
    expect(r.entries[0]?.linux[0]?.params).toBe('root=/dev/vda ro  intel_iommu=on iommu=pt quiet');
  });

  it('recognises the Fedora/RHEL ESP stub', () => {
    const r = parseGrubCfg(fx('fedora-efi-stub.cfg'));
    expect(r.entries).toEqual([]);
    expect(r.stub).toEqual({
      uuid: '6f96c2be-434d-405e-9b46-ba8877f2a0a9',
      configfile: '$prefix/grub.cfg',
      line: 4,
      text: 'configfile $prefix/grub.cfg',
    });
  });

  it('recognises the Debian ESP stub form (grub-install printf templates, a UUID filled in)', () => {
    const uuid = '6f96c2be-434d-405e-9b46-ba8877f2a0a9';
    const r = parseGrubCfg(`search.fs_uuid ${uuid} root \nset prefix=($root)'/boot/grub'\nconfigfile $prefix/grub.cfg\n`);
    expect(r.stub).toMatchObject({ uuid, configfile: '$prefix/grub.cfg', line: 3 });
  });

  it('records blscfg and set kernelopts= lines (rhboot grub2 10_linux output shape)', () => {
    // Lines as rhboot/grub2 util/grub.d/10_linux.in emits them; the kernelopts value from the
    // grubenv fixture.
    const kopts = readFileSync(new URL('../fixtures/grubenv/rhel8-kernelopts.env', import.meta.url), 'utf8')
      .split('\n')[3]
      ?.slice(11);
    const r = parseGrubCfg(`if [ -z "\${kernelopts}" ]; then\n  set kernelopts="${kopts}"\nfi\n\ninsmod blscfg\nblscfg\n`);
    expect(r.kernelopts[0]).toMatchObject({ value: kopts, line: 2 });
    expect(r.blscfg).toEqual([{ line: 6, text: 'blscfg' }]);
  });

  it('returns nothing for empty input', () => {
    expect(parseGrubCfg('')).toEqual({ entries: [], defaults: [], blscfg: [], kernelopts: [], searchUuids: [], unparsed: [] });
  });

  it('puts a linux line outside any menu entry in unparsed', () => {
    const r = parseGrubCfg('linux /vmlinuz root=/dev/sda1\n');
    expect(r.unparsed).toEqual([{ line: 1, text: 'linux /vmlinuz root=/dev/sda1' }]);
  });

  it('survives hostile long lines', () => {
    for (const s of [
      "menuentry '" + 'x'.repeat(2_000_000),
      'search ' + ' --fs-uuid'.repeat(200_000),
      '{\n'.repeat(200_000),
      'set default=' + '"'.repeat(1_000_000),
    ]) {
      expect(() => parseGrubCfg(s)).not.toThrow();
    }
  });

  it('parses a CRLF copy of each fixture (newlines converted to CRLF in the test) like the LF original', () => {
    for (const name of ['debian-12-iommu.cfg', 'debian-12-grub-d-append.cfg', 'fedora-efi-stub.cfg']) {
      const lf = fx(name);
      expect(parseGrubCfg(lf.replaceAll('\n', '\r\n'))).toEqual(parseGrubCfg(lf));
    }
    expect(parseGrubCfg(fx('fedora-efi-stub.cfg').replaceAll('\n', '\r\n')).stub?.uuid).toBeDefined();
  });
});
