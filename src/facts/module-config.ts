/**
 * How the host is configured to load modules: modprobe.d directives, and the modules loaded at
 * boot by systemd-modules-load (modules-load.d), Debian's /etc/modules, dracut (add_drivers,
 * force_drivers) and initramfs-tools (/etc/initramfs-tools/modules).
 *
 * Missing files mean "nothing configured" only when the manifest says they were looked for;
 * a bundle without a manifest and without any of these files cannot tell.
 */
import type { Evidence } from '../evidence/evidence.js';
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseDracutConf } from '../parsers/dracut-conf.js';
import { parseInitramfsToolsModules } from '../parsers/initramfs-tools-modules.js';
import { parseModprobeD } from '../parsers/modprobe-d.js';
import { moduleKey } from '../parsers/module-name.js';
import { parseModuleLines, parseModulesLoadD } from '../parsers/modules-load-d.js';
import { known, unknown, type EvidenceGap, type Fact } from './fact.js';
import { fileRef, gapsIn, refTo, unreadLines } from './evidence-ref.js';
import type { BootModuleEntry, ModprobeDirective, ModuleConfigFacts } from './model.js';

/**
 * modprobe.d directives read at most, over all files. A real host has tens; past this the files are
 * generated or hostile (49,000 files, a file of 190,000 lines) and the rest adds nothing a check
 * could use but memory: it is a gap, said in the report.
 */
export const MAX_MODPROBE_DIRECTIVES = 10_000;

export function buildModuleConfig(ev: EvidenceSource): Fact<ModuleConfigFacts> {
  const modprobeFiles = ev.many('modprobe-d');
  const loadFiles = ev.many('modules-load-d');
  const etcModules = ev.one('etc-modules');
  const dracutFiles = ev.many('dracut-conf-d');
  const itm = ev.one('initramfs-tools-modules');
  const all: Evidence[] = [...modprobeFiles, ...loadFiles, etcModules, ...dracutFiles, itm];
  const readable = all.filter(hasText);
  if (!ev.hasManifest && readable.length === 0)
    return unknown('the bundle has no manifest and no module configuration files', ['ls /etc/modprobe.d /etc/modules-load.d']);

  const modprobe: ModprobeDirective[] = [];
  const unread: EvidenceGap[] = [];
  let cut: string | null = null;
  for (const f of modprobeFiles.filter(hasText)) {
    if (cut !== null) break;
    const parsed = parseModprobeD(f.text);
    unread.push(...unreadLines(f, parsed.unparsed));
    for (const r of parsed.records) {
      if (modprobe.length === MAX_MODPROBE_DIRECTIVES) {
        cut = f.source;
        break;
      }
      modprobe.push({
        kind: r.kind,
        module: r.moduleKey,
        params: r.kind === 'options' ? r.params.map((p) => ({ key: p.key, value: p.value ?? null })) : [],
        pre: r.kind === 'softdep' ? r.pre.map(moduleKey) : [],
        command: r.kind === 'install' || r.kind === 'remove' ? r.command : null,
        ref: refTo(f, r),
      });
    }
  }
  const loadAtBoot: BootModuleEntry[] = [];
  for (const f of loadFiles.filter(hasText))
    for (const m of parseModulesLoadD(f.text).modules) loadAtBoot.push({ module: m.moduleKey, via: 'modules-load-d', ref: refTo(f, m) });
  if (hasText(etcModules))
    for (const m of parseModuleLines(etcModules.text, false))
      loadAtBoot.push({ module: m.moduleKey, via: 'etc-modules', ref: refTo(etcModules, m) });
  if (hasText(itm))
    for (const m of parseInitramfsToolsModules(itm.text).modules)
      loadAtBoot.push({ module: m.moduleKey, via: 'initramfs-tools', ref: refTo(itm, m) });
  for (const f of dracutFiles.filter(hasText)) {
    for (const a of parseDracutConf(f.text).assignments) {
      if (a.name !== 'add_drivers' && a.name !== 'force_drivers') continue;
      for (const m of a.value.split(/\s+/).filter(Boolean)) loadAtBoot.push({ module: moduleKey(m), via: 'dracut', ref: refTo(f, a) });
    }
  }
  const evidence =
    readable.length > 0
      ? readable.map((f) => fileRef(f, 'read'))
      : [{ evidence: 'modprobe-d', source: '/etc/modprobe.d', text: '(no module configuration files on the host)' }];
  const capped: EvidenceGap[] =
    cut === null
      ? []
      : [
          {
            source: '/etc/modprobe.d',
            why: `holds more than ${MAX_MODPROBE_DIRECTIVES} directives: the rest, from ${cut} on, was not read`,
            collect: ['grep -rh -e vfio -e options /etc/modprobe.d'],
          },
        ];
  return known({ modprobe, loadAtBoot }, evidence, [...gapsIn(...all), ...unread, ...capped]);
}
