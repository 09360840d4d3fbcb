/**
 * /proc/modules (evidence id `proc-modules`).
 *
 * Sample: test/fixtures/proc-modules/rhel6-deployment-guide.txt, lines 1–2 (verbatim):
 *   nfs      170109  0 -          Live 0x129b0000
 *   lockd    51593   1 nfs,       Live 0x128b0000
 * Output: one LoadedModule per line {name, size, useCount, usedBy, state, address?, taint?}.
 * The kernel prints `name size refcnt deps state address [taint]` (kernel/module/procfs.c m_show):
 * deps is `-` or a comma list ending in `,`; state is Live, Loading or Unloading.
 * Quirks: the Red Hat guide's sample is column-aligned ("reformatted into a readable format"),
 * so fields are split on any run of blanks (fixture above); a host booted with modules disabled
 * has an empty or absent /proc/modules (this machine's kernel runs with `nomodule`, see
 * test/fixtures/cmdline/firecracker-6.18.txt) — the result then has no modules and no unparsed.
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';
import { moduleKey } from './module-name.js';

export type ModuleState = 'Live' | 'Loading' | 'Unloading';

export interface LoadedModule {
  readonly line: number;
  readonly text: string;
  readonly name: string;
  readonly size: number;
  /** Reference count; -1 when the kernel prints `-` (module without unload support). */
  readonly useCount: number;
  /** Modules that depend on this one ("Used by"). */
  readonly usedBy: readonly string[];
  readonly state?: ModuleState;
  readonly address?: string;
  /** Taint letters such as `(OE)` for out-of-tree or unsigned modules. */
  readonly taint?: string;
}

export interface ModuleList {
  readonly modules: readonly LoadedModule[];
  readonly unparsed: readonly UnparsedLine[];
}

const STATES: ReadonlySet<string> = new Set(['Live', 'Loading', 'Unloading']);

export function splitUsers(field: string | undefined): string[] {
  if (field === undefined || field === '-' || field === '') return [];
  return field.split(',').filter((s) => s !== '' && s !== '[permanent]');
}

export function parseCount(s: string | undefined): number | undefined {
  if (s === '-') return -1;
  if (s === undefined || !/^-?\d{1,10}$/.test(s)) return undefined;
  return Number(s);
}

export function parseProcModules(text: string): ModuleList {
  const modules: LoadedModule[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') continue;
    const f = fields(l.text);
    const [name, sizeS, countS, deps, state, address, taint] = f;
    const size = sizeS !== undefined && /^\d{1,12}$/.test(sizeS) ? Number(sizeS) : undefined;
    const useCount = parseCount(countS);
    if (name === undefined || size === undefined || useCount === undefined || state === undefined || !STATES.has(state)) {
      unparsed.push(l);
      continue;
    }
    modules.push({
      line: l.line,
      text: l.text,
      name,
      size,
      useCount,
      usedBy: splitUsers(deps),
      state: state as ModuleState,
      ...(address === undefined ? {} : { address }),
      ...(taint === undefined ? {} : { taint }),
    });
  }
  return { modules, unparsed };
}

export function findModule(list: Pick<ModuleList, 'modules'>, name: string): LoadedModule | undefined {
  const k = moduleKey(name);
  return list.modules.find((m) => moduleKey(m.name) === k);
}
