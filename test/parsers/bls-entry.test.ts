import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBlsEntry } from '../../src/parsers/bls-entry.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/bls-entry/${p}`, import.meta.url), 'utf8');

describe('parseBlsEntry', () => {
  it('parses the header sample (rocky-8.5-kernelopts.conf lines 1–5)', () => {
    const r = parseBlsEntry(fx('rocky-8.5-kernelopts.conf').split('\n').slice(0, 5).join('\n'));
    expect(r.title?.value).toBe('Rocky Linux (5.16.9-custom) 8.5 (Green Obsidian)');
    expect(r.linux).toMatchObject({ value: '/vmlinuz-5.16.9-custom', line: 3 });
    expect(r.optionsText).toBe('$kernelopts $tuned_params');
    expect(r.variables).toEqual(['kernelopts', 'tuned_params']);
  });

  it('reads id and grub_users of a RHEL 8 family entry', () => {
    const r = parseBlsEntry(fx('rocky-8.5-kernelopts.conf'));
    expect(r.id?.value).toBe('rocky-20220212013135-5.16.9-custom');
    expect(r.grubUsers?.value).toBe('$grub_users');
    expect(r.initrd[0]?.value).toBe('/initramfs-5.16.9-custom.img $tuned_initrd');
    expect(r.unparsed).toEqual([]);
  });

  it('accepts several spaces between key and value (Proxmox systemd-boot entry)', () => {
    const r = parseBlsEntry(fx('proxmox-systemd-boot.conf'));
    expect(r.options[0]).toMatchObject({
      value: 'root=ZFS=rpool/ROOT/pve-1 boot=zfs',
      line: 3,
      text: 'options   root=ZFS=rpool/ROOT/pve-1 boot=zfs',
    });
    expect(r.variables).toEqual([]);
  });

  it('reads the UAPI spec example, repeated keys kept in order', () => {
    const r = parseBlsEntry(fx('uapi-spec-example.conf'));
    expect(r.version?.value).toBe('3.8.0-2.fc19.x86_64');
    expect(r.lines.filter((l) => l.key === 'extra').map((l) => l.line)).toEqual([9, 10]);
  });

  it('joins repeated options lines in order', () => {
    const r = parseBlsEntry('options root=UUID=6d3376e4-fc93-4509-95ec-a21d68011da2 quiet\noptions intel_iommu=on\n');
    expect(r.optionsText).toBe('root=UUID=6d3376e4-fc93-4509-95ec-a21d68011da2 quiet intel_iommu=on');
  });

  it('returns nothing for empty input and sends odd lines to unparsed', () => {
    expect(parseBlsEntry('').lines).toEqual([]);
    expect(parseBlsEntry('Garbage!\n').unparsed).toEqual([{ line: 1, text: 'Garbage!' }]);
  });

  it('survives hostile long lines', () => {
    for (const s of ['options ' + '$'.repeat(2_000_000), 'x'.repeat(3_000_000), 'options ' + '${a'.repeat(500_000)]) {
      expect(() => parseBlsEntry(s)).not.toThrow();
    }
  });

  it('parses a CRLF copy of each fixture (newlines converted to CRLF in the test) like the LF original', () => {
    for (const name of ['rocky-8.5-kernelopts.conf', 'proxmox-systemd-boot.conf', 'uapi-spec-example.conf']) {
      const lf = fx(name);
      const r = parseBlsEntry(lf.replaceAll('\n', '\r\n'));
      expect(r).toEqual(parseBlsEntry(lf));
      expect(r.options.length).toBeGreaterThan(0);
    }
  });
});
