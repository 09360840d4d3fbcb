/**
 * /etc/initramfs-tools/modules (evidence id `initramfs-tools-modules`), Debian/Ubuntu/Proxmox:
 * modules copied into the initramfs and loaded early. The template (initramfs-tools-core,
 * /usr/share/initramfs-tools/modules) documents "Syntax:  module_name [args ...]".
 *
 * Sample: test/fixtures/initramfs-tools-modules/debian-12-template.txt, lines 7–8 (verbatim):
 *   # Syntax:  module_name [args ...]
 *   #
 * Output: one record per non-comment line: module, moduleKey (`-` folded to `_`), args (verbatim
 * rest of line), line, text.
 * Quirks: the shipped template is comments only, so a stock host yields no modules; the examples
 * (`# raid1`) are commented out.
 */
import { parseModuleLines, type ModuleLoadLine } from './modules-load-d.js';

export interface InitramfsToolsModules {
  readonly modules: readonly ModuleLoadLine[];
}

export function parseInitramfsToolsModules(text: string): InitramfsToolsModules {
  // Same line syntax as modules-load.d except that `;` is not a comment marker here.
  return { modules: parseModuleLines(text, false) };
}
