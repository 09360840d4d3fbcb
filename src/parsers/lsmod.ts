/**
 * `lsmod` (evidence id `lsmod`; sosreport sos_commands/kernel/lsmod).
 *
 * Sample: test/fixtures/lsmod/oracle-linux-ch06s02.txt, lines 1–2 (verbatim):
 *   Module                  Size  Used by
 *   nls_utf8                1405  1
 * Output: the same LoadedModule records as parseProcModules (lsmod formats /proc/modules), without
 * state or address, which lsmod does not print.
 * Quirks: the `Module Size Used by` header is skipped; trailing blanks after the count are common
 * (fixture above); documentation excerpts elide rows with `...` lines, which go to `unparsed`
 * (same fixture, lines 6 and 10); kmod appends ` [permanent]` to modules that cannot be unloaded,
 * which is not a user and is dropped from usedBy.
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';
import { parseCount, splitUsers, type LoadedModule, type ModuleList } from './proc-modules.js';

export function parseLsmod(text: string): ModuleList {
  const modules: LoadedModule[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') continue;
    const f = fields(l.text);
    const [name, sizeS, countS, users] = f;
    if (name === 'Module' && sizeS === 'Size') continue;
    const size = sizeS !== undefined && /^\d{1,12}$/.test(sizeS) ? Number(sizeS) : undefined;
    const useCount = parseCount(countS);
    if (name === undefined || size === undefined || useCount === undefined || f.length > 5) {
      unparsed.push(l);
      continue;
    }
    modules.push({ line: l.line, text: l.text, name, size, useCount, usedBy: splitUsers(users) });
  }
  return { modules, unparsed };
}
