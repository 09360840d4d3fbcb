import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKernelCmdlineFile } from '../../src/parsers/kernel-cmdline-file.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/kernel-cmdline-file/${p}`, import.meta.url), 'utf8');

describe('parseKernelCmdlineFile', () => {
  it('parses the header sample (proxmox-zfs.txt)', () => {
    expect(parseKernelCmdlineFile(fx('proxmox-zfs.txt'))).toEqual({
      params: { value: 'root=ZFS=rpool/ROOT/pve-1 boot=zfs', line: 1, text: 'root=ZFS=rpool/ROOT/pve-1 boot=zfs' },
      extraLines: [],
    });
  });

  it('returns no params for empty input', () => {
    expect(parseKernelCmdlineFile('')).toEqual({ extraLines: [] });
  });

  it('skips comments and reports extra lines the tools ignore', () => {
    const r = parseKernelCmdlineFile('# comment\nroot=ZFS=rpool/ROOT/pve-1 boot=zfs\nintel_iommu=on\n');
    expect(r.params?.line).toBe(2);
    expect(r.extraLines).toEqual([{ line: 3, text: 'intel_iommu=on' }]);
  });

  it('parses a CRLF copy of proxmox-zfs.txt (newline converted to CRLF in the test) like the LF original', () => {
    const lf = fx('proxmox-zfs.txt');
    const r = parseKernelCmdlineFile(lf.replaceAll('\n', '\r\n'));
    expect(r).toEqual(parseKernelCmdlineFile(lf));
    expect(r.params?.value).toBe('root=ZFS=rpool/ROOT/pve-1 boot=zfs');
  });
});
