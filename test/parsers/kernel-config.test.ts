import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configValue, parseKernelConfig } from '../../src/parsers/kernel-config.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/${p}`, import.meta.url), 'utf8');

describe('parseKernelConfig', () => {
  it('parses the header sample', () => {
    const k = parseKernelConfig(fx('kernel-config/firecracker-6.18.txt'));
    expect(k.source).toEqual({ line: 1, text: '# source: /proc/config.gz', path: '/proc/config.gz' });
    expect(configValue(k, 'CONFIG_KVM_GUEST')).toBe('y');
    expect(k.options['CONFIG_GART_IOMMU']).toMatchObject({ line: 3, value: 'n' });
    expect(configValue(k, 'CONFIG_VFIO')).toBe('n');
    expect(configValue(k, 'CONFIG_KVM_MAX_NR_VCPUS')).toBe('1024');
    expect(configValue(k, 'CONFIG_VFIO_PCI')).toBeUndefined();
    expect(k.unparsed).toEqual([]);
  });
  it('returns nothing for empty input and unparsed for other lines', () => {
    expect(parseKernelConfig('')).toEqual({ options: {}, unparsed: [] });
    expect(parseKernelConfig('grep: /boot/config-6.1: No such file\n').unparsed.length).toBe(1);
  });
  it('returns on a 5 MB line', () => {
    expect(parseKernelConfig(`CONFIG_${'A'.repeat(5_000_000)}=y`).unparsed.length).toBe(1);
  });
});
