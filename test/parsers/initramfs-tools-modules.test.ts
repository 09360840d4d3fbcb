import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInitramfsToolsModules } from '../../src/parsers/initramfs-tools-modules.js';

const fx = (p: string): string => readFileSync(new URL(`../fixtures/initramfs-tools-modules/${p}`, import.meta.url), 'utf8');

describe('parseInitramfsToolsModules', () => {
  it('parses the header sample (template lines 7–8): comments only', () => {
    const lines = fx('debian-12-template.txt').split('\n').slice(6, 8);
    expect(lines[0]).toBe('# Syntax:  module_name [args ...]');
    expect(parseInitramfsToolsModules(lines.join('\n')).modules).toEqual([]);
  });

  it('yields no modules for the shipped template', () => {
    expect(parseInitramfsToolsModules(fx('debian-12-template.txt')).modules).toEqual([]);
  });

  it('reads module [args] lines; `;` is not a comment here', () => {
    const r = parseInitramfsToolsModules('vfio_pci ids=10de:1b80\n;odd\n');
    expect(r.modules.map((m) => [m.module, m.args, m.line])).toEqual([
      ['vfio_pci', 'ids=10de:1b80', 1],
      [';odd', '', 2],
    ]);
  });

  it('returns nothing for empty input', () => {
    expect(parseInitramfsToolsModules('').modules).toEqual([]);
  });
});
