import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getAllParams, getParam, normalizeParamKey, parseCmdline } from '../../src/parsers/cmdline.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseCmdline', () => {
  it('parses the header sample (guide /proc/cmdline)', () => {
    const c = parseCmdline(fx('cmdline/guide-proc-cmdline.txt'));
    expect(c.params[0]).toMatchObject({ key: 'BOOT_IMAGE', value: '/vmlinuz-5.4.130-1.yn20221208.el7.x86_64', line: 1 });
    expect(getParam(c, 'intel_iommu')?.value).toBe('on');
    expect(getParam(c, 'iommu')?.value).toBe('pt');
    expect(getParam(c, 'quiet')?.value).toBeNull();
    expect(getParam(c, 'vfio-iommu-type1.allow_unsafe_interrupts')?.raw).toBe('vfio_iommu_type1.allow_unsafe_interrupts=1');
    expect(c.params.map((p) => p.key)).toContain('biosdevnames');
    expect(c.unparsed).toEqual([]);
  });

  it('returns nothing for empty input', () => {
    expect(parseCmdline('')).toEqual({ text: '', line: 1, params: [], initArgs: [], unparsed: [] });
  });

  it('reports extra lines as unparsed', () => {
    const c = parseCmdline(`${fx('cmdline/guide-proc-cmdline.txt')}garbage line\n`);
    expect(c.unparsed).toEqual([{ line: 2, text: 'garbage line' }]);
  });

  it('keeps repeated keys, last wins, and stops kernel params at --', () => {
    const c = parseCmdline(fx('cmdline/firecracker-6.18.txt'));
    expect(getAllParams(c, 'tsc').map((p) => p.value)).toEqual(['reliable', 'unstable']);
    expect(getParam(c, 'tsc')?.value).toBe('unstable');
    expect(c.initArgs[0]).toBe('--firecracker-init');
    expect(getParam(c, '--addr')).toBeUndefined();
    expect(getParam(c, 'mitigations')?.value).toBe('auto,no_guest_host,no_guest_guest');
  });

  it('keeps `=` inside values', () => {
    const c = parseCmdline(fx('cmdline/asokolsky-duo-truenas.txt'));
    expect(getParam(c, 'root')?.value).toBe('ZFS=boot-pool/ROOT/23.10.2');
    expect(getParam(c, 'amd_iommu')?.value).toBe('on');
    expect(getParam(c, 'kvm-amd.npt')?.value).toBe('1');
  });

  it('treats - and _ alike in module parameter names only', () => {
    expect(normalizeParamKey('vfio-pci.ids')).toBe('vfio_pci.ids');
    expect(normalizeParamKey('intel-iommu')).toBe('intel-iommu');
    // Kernel-syntax quoting (lib/cmdline.c next_arg): quotes group blanks and are removed from values.
    const c = parseCmdline('vfio-pci.ids=10de:1b06,10de:10ef dyndbg="file vfio_pci.c +p" vfio_pci.ids=8086:1539');
    expect(getAllParams(c, 'vfio_pci.ids').map((p) => p.value)).toEqual(['10de:1b06,10de:10ef', '8086:1539']);
    expect(getParam(c, 'dyndbg')).toMatchObject({ value: 'file vfio_pci.c +p', raw: 'dyndbg="file vfio_pci.c +p"' });
  });

  it('survives a 5 MB line of quotes', () => {
    const c = parseCmdline('"'.repeat(5_000_000));
    expect(c.params.length).toBe(1);
  });
});
