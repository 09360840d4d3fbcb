/**
 * The boot configuration: which bootloader the host uses, its boot mode, and the three copies of
 * the kernel command line that must agree — the file the user edits (source: /etc/default/grub
 * with grub.d, or /etc/kernel/cmdline), what the bootloader will pass (generated: the grub.cfg
 * entry or BLS entry of the running kernel), and what the kernel got (/proc/cmdline, a separate fact).
 * The boot files are read once per analysis (src/facts/boot-layout.ts, shared with the host profile).
 *
 * Which grub.cfg this boot mode reads: Debian-like hosts use /boot/grub/grub.cfg on BIOS and UEFI
 * (the ESP copy is a stub); RHEL-like hosts use /boot/grub2/grub.cfg on BIOS and
 * /boot/efi/EFI/<vendor>/grub.cfg on UEFI unless that file is a stub handing over with `configfile`
 * (RHEL 9 and Fedora 34+, test/fixtures/grub-cfg/fedora-efi-stub.cfg). RHEL 8+ keeps kernel options
 * in BLS entries (/boot/loader/entries), with `$kernelopts` read from grubenv on RHEL 8. Which
 * bootloader booted the running kernel is told by /proc/cmdline: GRUB puts BOOT_IMAGE= first,
 * systemd-boot does not (decideBootloader).
 */
import type { Evidence } from '../evidence/evidence.js';
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import type { BlsEntry } from '../parsers/bls-entry.js';
import { parseBootTimes } from '../parsers/boot-times.js';
import { parseCmdlineString } from '../parsers/cmdline.js';
import type { GrubCfg } from '../parsers/grub-cfg.js';
import { parseGrubenv } from '../parsers/grubenv.js';
import { hostPath, readBootFiles, type BootFiles } from './boot-layout.js';
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
  // GRUB's `linux` command puts BOOT_IMAGE= first on every command line it passes (GRUB
  // include/grub/lib/cmdline.h LINUX_IMAGE, grub_create_loader_cmdline); systemd-boot passes the
  // entry's options only. So /proc/cmdline tells which of the two booted this kernel.
  const bootedByGrub = cmdline.state === 'known' ? bootImage !== null : null;

  const files = readBootFiles(ev);
  const { grubFiles, readableGrub, merged, kernelCmdlineFile, kcf, cfgs, bls } = files;
  const unreadable = [ev.one('grub2-cfg'), ev.one('grub-cfg'), ...ev.many('bls-entries'), ...grubFiles, kernelCmdlineFile].filter(
    (e) => e.status === 'denied' || e.status === 'timeout' || e.status === 'error' || e.status === 'lost',
  );

  const sources: BootParamSource[] = [];
  if (merged) {
    for (const name of ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT']) {
      const a = merged.vars[name];
      if (!a) continue;
      const file = readableGrub.find((e) => hostPath(e) === a.file) ?? readableGrub[0]!;
      sources.push({
        file: hostPath(file),
        role: 'source',
        params: parseCmdlineString(a.value, a.line).params.map(toKernelParam),
        ref: refTo(file, a),
        changedSinceBoot: changed(file),
      });
    }
  }
  if (kcf?.params)
    sources.push({
      file: hostPath(kernelCmdlineFile),
      role: 'source',
      params: parseCmdlineString(kcf.params.value, kcf.params.line).params.map(toKernelParam),
      ref: refTo(kernelCmdlineFile, kcf.params),
      changedSinceBoot: changed(kernelCmdlineFile),
    });

  const bootloader = decideBootloader(files, distro, bootedByGrub);
  const nonStub = cfgs.filter((c) => c.cfg.stub === undefined);
  const active = activeGrubCfg(nonStub, distro, bootMode);
  // Every copy, with the entry of the running kernel: a copy of the other boot mode that carries the
  // parameters proves the regeneration went to the wrong path.
  const grubCfgs = cfgs.map((c) => {
    const entry = c.cfg.stub === undefined ? pickGrubEntry(c.cfg, bootImage) : undefined;
    return {
      file: hostPath(c.e),
      stub: c.cfg.stub !== undefined,
      params: entry ? parseCmdlineString(entry.params, entry.line).params.map(toKernelParam) : null,
      ref: entry ? refTo(c.e, entry) : refTo(c.e, c.cfg.stub ?? { line: 1, text: '(no linux line)' }),
    };
  });
  if (bootloader === 'grub' && active) {
    const entry = pickGrubEntry(active.cfg, bootImage);
    if (entry)
      sources.push({
        file: hostPath(active.e),
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
          file: hostPath(picked.e),
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
      looked: [
        ev.one('grub2-cfg'),
        ev.one('grub-cfg'),
        ...ev.many('efi-grub-cfg'),
        ...ev.many('bls-entries'),
        ...grubFiles,
        kernelCmdlineFile,
      ].some((e) => e.status !== 'not-collected'),
    },
    evidence.length > 0 ? evidence : [{ evidence: 'efi', source: efi.source, text: bootMode ?? 'boot mode unknown' }],
  );
}

/**
 * Which bootloader reads the command line:
 * - systemd-boot: /etc/kernel/cmdline with entries on the ESP, or with no grub configuration at
 *   all; on Proxmox VE (ZFS on UEFI, pve-docs "Host Bootloader") also beside a stale
 *   /etc/default/grub when GRUB did not boot this kernel; hand-written entries (Arch) when
 *   nothing of grub is there and GRUB did not boot the kernel;
 * - grub with BLS: grub.cfg calls `blscfg`, or BLS entries sit beside a grub configuration with
 *   GRUB_ENABLE_BLSCFG=true (grub2-mkconfig then writes `blscfg`: RHEL 8+, Fedora 30+) — on a
 *   RHEL-like host that setting decides even when neither grub.cfg nor the entries could be read
 *   (both are root-only there);
 * - grub: a grub.cfg or /etc/default/grub.
 */
function decideBootloader(files: BootFiles, distro: DistroFamily | null, bootedByGrub: boolean | null): Bootloader {
  const { kcf, espEntries, cfgs, readableGrub, bls, merged } = files;
  const hasKcf = kcf?.params !== undefined;
  const noGrub = cfgs.length === 0 && readableGrub.length === 0;
  const blsEnabled = merged?.vars['GRUB_ENABLE_BLSCFG']?.value === 'true';
  if (hasKcf && (espEntries.length > 0 || noGrub)) return 'systemd-boot';
  if (hasKcf && distro === 'proxmox' && (bootedByGrub === false || (bootedByGrub === null && cfgs.length === 0))) return 'systemd-boot';
  if (bls.length > 0 && bootedByGrub === false && !blsEnabled && !cfgs.some((c) => c.cfg.blscfg.length > 0)) return 'systemd-boot';
  if (cfgs.some((c) => c.cfg.blscfg.length > 0) || (bls.length > 0 && (cfgs.length > 0 || blsEnabled))) return 'grub-bls';
  if (blsEnabled && distro === 'rhel-like') return 'grub-bls';
  if (cfgs.length > 0 || readableGrub.length > 0) return 'grub';
  if (espEntries.length > 0 || bls.length > 0) return 'systemd-boot';
  return 'unknown';
}

function bootTime(ev: EvidenceSource): number | null {
  const e = ev.one('boot-times');
  return hasText(e) ? (parseBootTimes(e.text).btime?.epoch ?? null) : null;
}

function activeGrubCfg(
  cfgs: readonly { e: Evidence; cfg: GrubCfg }[],
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

function pickBlsEntry(entries: readonly { e: Evidence; entry: BlsEntry }[], bootImage: string | null) {
  return (bootImage ? entries.find((b) => b.entry.linux && base(b.entry.linux.value) === base(bootImage)) : undefined) ?? entries[0];
}
