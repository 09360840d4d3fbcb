/**
 * The boot configuration: which bootloader the host uses, its boot mode, and the three copies of
 * the kernel command line that must agree — the file the user edits (source: /etc/default/grub
 * with grub.d, or /etc/kernel/cmdline), what the bootloader will pass (generated: the grub.cfg
 * entry or BLS entry of the running kernel), and what the kernel got (/proc/cmdline, a separate fact).
 *
 * Which grub.cfg this boot mode reads: Debian-like hosts use /boot/grub/grub.cfg on BIOS and UEFI
 * (the ESP copy is a stub); RHEL-like hosts use /boot/grub2/grub.cfg on BIOS and
 * /boot/efi/EFI/<id>/grub.cfg on UEFI unless that file is a stub handing over with `configfile`
 * (RHEL 9.3+/Fedora 34+, test/fixtures/grub-cfg). RHEL 8+ keeps kernel options in BLS entries
 * (/boot/loader/entries), with `$kernelopts` read from grubenv on RHEL 8.
 */
import type { Evidence } from '../evidence/evidence.js';
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseBlsEntry, type BlsEntry } from '../parsers/bls-entry.js';
import { parseBootTimes } from '../parsers/boot-times.js';
import { parseCmdlineString } from '../parsers/cmdline.js';
import { mergeDefaultGrub } from '../parsers/default-grub.js';
import { parseGrubCfg, type GrubCfg } from '../parsers/grub-cfg.js';
import { parseGrubenv } from '../parsers/grubenv.js';
import { parseKernelCmdlineFile } from '../parsers/kernel-cmdline-file.js';
import { toKernelParam } from './cmdline.js';
import { known, type Fact } from './fact.js';
import { collectHint, refTo, whyMissing } from './evidence-ref.js';
import type { BootConfigFacts, BootMode, BootParamSource, Bootloader, CmdlineFacts, DistroFamily } from './model.js';

export function buildBootConfig(ev: EvidenceSource, distro: DistroFamily | null, cmdline: Fact<CmdlineFacts>): Fact<BootConfigFacts> {
  const efi = ev.one('efi');
  const bootMode: BootMode | null = efi.status === 'ok' ? 'uefi' : efi.status === 'absent' ? 'bios' : null;
  const btime = bootTime(ev);
  const changed = (e: Evidence): boolean | null => (e.mtime === undefined || btime === null ? null : e.mtime > btime);
  const bootImage = cmdline.state === 'known' ? (cmdline.value.params.find((p) => p.key === 'BOOT_IMAGE')?.value ?? null) : null;

  const grubFiles = [ev.one('default-grub'), ...ev.many('default-grub-d')];
  const kernelCmdlineFile = ev.one('kernel-cmdline-file');
  const cfgs = [ev.one('grub2-cfg'), ev.one('grub-cfg'), ...ev.many('efi-grub-cfg')]
    .filter(hasText)
    .map((e) => ({ e, cfg: parseGrubCfg(e.text) }));
  const bls = [...ev.many('bls-entries'), ...ev.many('esp-loader-entries')]
    .filter(hasText)
    .map((e) => ({ e, entry: parseBlsEntry(e.text) }));
  const espEntries = ev.many('esp-loader-entries').filter(hasText);
  const unreadable = [ev.one('grub2-cfg'), ev.one('grub-cfg'), ...ev.many('bls-entries'), ...grubFiles, kernelCmdlineFile].filter(
    (e) => e.status === 'denied' || e.status === 'timeout' || e.status === 'error' || e.status === 'lost',
  );

  const sources: BootParamSource[] = [];
  const readableGrub = grubFiles.filter(hasText);
  const merged = readableGrub.length > 0 ? mergeDefaultGrub(readableGrub.map((e) => ({ path: e.source, text: e.text }))) : null;
  if (merged) {
    for (const name of ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT']) {
      const a = merged.vars[name];
      if (!a) continue;
      const file = readableGrub.find((e) => e.source === a.file) ?? readableGrub[0]!;
      sources.push({
        file: a.file ?? file.source,
        role: 'source',
        params: parseCmdlineString(a.value, a.line).params.map(toKernelParam),
        ref: refTo(file, a),
        changedSinceBoot: changed(file),
      });
    }
  }
  const kcf = hasText(kernelCmdlineFile) ? parseKernelCmdlineFile(kernelCmdlineFile.text) : null;
  if (kcf?.params)
    sources.push({
      file: kernelCmdlineFile.source,
      role: 'source',
      params: parseCmdlineString(kcf.params.value, kcf.params.line).params.map(toKernelParam),
      ref: refTo(kernelCmdlineFile, kcf.params),
      changedSinceBoot: changed(kernelCmdlineFile),
    });

  const hasBlscfg = cfgs.some((c) => c.cfg.blscfg.length > 0);
  // GRUB_ENABLE_BLSCFG=true makes grub2-mkconfig write `blscfg` (RHEL 8+, Fedora 30+): with BLS
  // entries beside it, that decides grub-bls even when grub.cfg is unreadable (root-only on RHEL).
  const blsEnabled = merged?.vars['GRUB_ENABLE_BLSCFG']?.value === 'true';
  const bootloader: Bootloader =
    kcf?.params && (espEntries.length > 0 || (cfgs.length === 0 && readableGrub.length === 0))
      ? 'systemd-boot'
      : hasBlscfg || (bls.length > 0 && (cfgs.length > 0 || blsEnabled))
        ? 'grub-bls'
        : cfgs.length > 0 || readableGrub.length > 0
          ? 'grub'
          : espEntries.length > 0
            ? 'systemd-boot'
            : 'unknown';

  const nonStub = cfgs.filter((c) => c.cfg.stub === undefined);
  const active = activeGrubCfg(nonStub, distro, bootMode);
  // Every copy, with the entry of the running kernel: a copy of the other boot mode that carries the
  // parameters proves the regeneration went to the wrong path.
  const grubCfgs = cfgs.map((c) => {
    const entry = c.cfg.stub === undefined ? pickGrubEntry(c.cfg, bootImage) : undefined;
    return {
      file: c.e.source,
      stub: c.cfg.stub !== undefined,
      params: entry ? parseCmdlineString(entry.params, entry.line).params.map(toKernelParam) : null,
      ref: entry ? refTo(c.e, entry) : refTo(c.e, c.cfg.stub ?? { line: 1, text: '(no linux line)' }),
    };
  });
  if (bootloader === 'grub' && active) {
    const entry = pickGrubEntry(active.cfg, bootImage);
    if (entry)
      sources.push({
        file: active.e.source,
        role: 'generated',
        params: parseCmdlineString(entry.params, entry.line).params.map(toKernelParam),
        ref: refTo(active.e, entry),
        changedSinceBoot: changed(active.e),
      });
  }
  if (bootloader === 'grub-bls' || bootloader === 'systemd-boot') {
    const picked = pickBlsEntry(bls, bootImage);
    if (picked) {
      const envFile = ev.one('grubenv');
      const kernelopts = hasText(envFile) ? parseGrubenv(envFile.text).kernelopts?.value : undefined;
      const text = picked.entry.optionsText.replace(/\$kernelopts|\$\{kernelopts\}/g, kernelopts ?? '');
      const first = picked.entry.options[0];
      if (first)
        sources.push({
          file: picked.e.source,
          role: 'generated',
          params: parseCmdlineString(text, first.line).params.map(toKernelParam),
          ref: refTo(picked.e, first),
          changedSinceBoot: changed(picked.e),
        });
    }
  }
  const evidence = sources.map((s) => s.ref);
  return known(
    {
      bootloader,
      bootMode,
      sources,
      grubCfgPaths: cfgs.map((c) => c.e.source),
      grubCfgs,
      activeGrubCfg: active?.e.source ?? null,
      unreadable: unreadable.map((e) => ({ source: e.source, reason: whyMissing(e), collect: collectHint(e) })),
    },
    evidence.length > 0 ? evidence : [{ evidence: 'efi', source: efi.source, text: bootMode ?? 'boot mode unknown' }],
  );
}

function bootTime(ev: EvidenceSource): number | null {
  const e = ev.one('boot-times');
  return hasText(e) ? (parseBootTimes(e.text).btime?.epoch ?? null) : null;
}

function activeGrubCfg(
  cfgs: { e: Evidence; cfg: GrubCfg }[],
  distro: DistroFamily | null,
  mode: BootMode | null,
): { e: Evidence; cfg: GrubCfg } | null {
  const at = (p: string) => cfgs.find((c) => c.e.source === p);
  if (distro === 'debian-like' || distro === 'proxmox') return at('/boot/grub/grub.cfg') ?? null;
  if (mode === 'uefi') return cfgs.find((c) => c.e.source.startsWith('/boot/efi/EFI/')) ?? at('/boot/grub2/grub.cfg') ?? null;
  if (mode === 'bios') return at('/boot/grub2/grub.cfg') ?? at('/boot/grub/grub.cfg') ?? null;
  return at('/boot/grub2/grub.cfg') ?? at('/boot/grub/grub.cfg') ?? cfgs[0] ?? null;
}

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

function pickGrubEntry(cfg: GrubCfg, bootImage: string | null) {
  const lines = cfg.entries.flatMap((e) => e.linux);
  return (bootImage ? lines.find((l) => base(l.kernel) === base(bootImage)) : undefined) ?? lines[0];
}

function pickBlsEntry(entries: { e: Evidence; entry: BlsEntry }[], bootImage: string | null) {
  return (bootImage ? entries.find((b) => b.entry.linux && base(b.entry.linux.value) === base(bootImage)) : undefined) ?? entries[0];
}
