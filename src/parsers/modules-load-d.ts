/**
 * /etc/modules-load.d/*.conf (evidence id `modules-load-d`) and Debian's /etc/modules (`etc-modules`).
 * modules-load.d(5): a list of kernel module names, one per line; empty lines and lines whose first
 * non-whitespace character is `#` or `;` are ignored. Debian's /etc/modules (header written by the
 * kmod package's postinst) says "Parameters can be specified after the module name"; systemd reads
 * it through /etc/modules-load.d/modules.conf -> ../modules and takes the whole line as the name.
 *
 * Sample: test/fixtures/modules-load-d/seed-vfio.conf, lines 1–4 (verbatim):
 *   vfio
 *   vfio_iommu_type1
 *   vfio_pci
 *   vfio_virqfd
 * Output: one record per module line: `module` (first word), `moduleKey` (`-` folded to `_`),
 * `args` (anything after the first word), line, verbatim text.
 * Quirks: `virtio-net` with a dash (man-virtio-net.conf); leading space (pve-etc-modules.txt,
 * copied from pve-docs); a line with args is loadable by Debian's initramfs-tools/kmod init script
 * but not by systemd-modules-load — rules see `args` and decide.
 */
import { splitLines } from './lines.js';
import { moduleKey } from './module-name.js';

export interface ModuleLoadLine {
  readonly module: string;
  readonly moduleKey: string;
  readonly args: string;
  readonly line: number;
  readonly text: string;
}

export interface ModulesLoadD {
  readonly modules: readonly ModuleLoadLine[];
}

export function parseModulesLoadD(text: string): ModulesLoadD {
  return { modules: parseModuleLines(text, true) };
}

/** One module (and optional args) per line; `#` comments, and `;` comments when `semicolon`. */
export function parseModuleLines(text: string, semicolon: boolean): ModuleLoadLine[] {
  const modules: ModuleLoadLine[] = [];
  for (const { line, text: lineText } of splitLines(text)) {
    const t = lineText.trim();
    if (t === '' || t.startsWith('#') || (semicolon && t.startsWith(';'))) continue;
    let k = 0;
    while (k < t.length && t[k] !== ' ' && t[k] !== '\t') k++;
    const module = t.slice(0, k);
    modules.push({ module, moduleKey: moduleKey(module), args: t.slice(k).trim(), line, text: lineText });
  }
  return modules;
}
