/**
 * Which kernel modules are loaded (/proc/modules, else `lsmod`) and which are built in: a name in
 * /sys/module that is not in /proc/modules is built into the kernel (it shows in /sys/module
 * because it has parameters or a version).
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { moduleKey } from '../parsers/module-name.js';
import { parseProcModules } from '../parsers/proc-modules.js';
import { parseLsmod } from '../parsers/lsmod.js';
import { parseNameList } from '../parsers/name-list.js';
import { known, type EvidenceRef, type Fact } from './fact.js';
import { fileRef, gapOf, gapsIn, refTo, unknownFrom, unreadLines } from './evidence-ref.js';
import type { ModuleFacts } from './model.js';

export function buildModules(ev: EvidenceSource): Fact<ModuleFacts> {
  const proc = ev.one('proc-modules');
  const lsmod = ev.one('lsmod');
  const source = hasText(proc) ? proc : hasText(lsmod) ? lsmod : null;
  if (!source) return unknownFrom(proc, lsmod);
  const list = source === proc ? parseProcModules(proc.text) : parseLsmod(lsmod.text);
  // Module names come from the bundle: a Map, so `__proto__` or `constructor` are names like any other.
  const refs = new Map<string, EvidenceRef>();
  for (const m of list.modules) refs.set(moduleKey(m.name), refTo(source, m));
  const loaded = [...refs.keys()];
  const sys = ev.one('sys-module');
  const builtin: string[] = [];
  if (sys.status === 'ok') {
    for (const n of parseNameList(sys.text).names) {
      const key = moduleKey(n.name);
      if (!refs.has(key)) {
        builtin.push(key);
        refs.set(key, refTo(sys, n));
      }
    }
  }
  // Without /sys/module, a built-in module cannot be told from a missing one.
  const sysGap =
    sys.status === 'ok'
      ? []
      : [{ source: sys.source, why: `${gapOf(sys)?.why ?? 'is empty'}, so built-in modules are not known`, collect: ['ls /sys/module'] }];
  return known(
    { loaded, builtin, refs: Object.fromEntries(refs) },
    [fileRef(source, `${loaded.length} modules loaded`)],
    [...gapsIn(source), ...unreadLines(source, list.unparsed), ...sysGap],
  );
}
