/**
 * The boot files of a host, read once per analysis (the boot configuration fact and the host
 * profile both need them), and the layout the fixes decide from: whether grub uses BLS entries
 * (GRUB_ENABLE_BLSCFG, the entries themselves), which ESP grub.cfg files are stubs that hand over to
 * /boot/grub2/grub.cfg with `configfile` (Fedora 34+ and RHEL 9, Fedora change "UnifyGrubConfig";
 * test/fixtures/grub-cfg/fedora-efi-stub.cfg), whether /etc/kernel/cmdline holds a command line
 * (kernel-install(8), proxmox-boot-tool), and which files assign the grub command-line variables.
 */
import { hasText, type Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseBlsEntry, type BlsEntry } from '../parsers/bls-entry.js';
import { mergeDefaultGrub, type DefaultGrub } from '../parsers/default-grub.js';
import { parseGrubCfg, type GrubCfg } from '../parsers/grub-cfg.js';
import { parseKernelCmdlineFile, type KernelCmdlineFile } from '../parsers/kernel-cmdline-file.js';

export interface BootFiles {
  readonly grubFiles: readonly Evidence[];
  readonly readableGrub: readonly Evidence[];
  readonly merged: DefaultGrub | null;
  readonly kernelCmdlineFile: Evidence;
  readonly kcf: KernelCmdlineFile | null;
  readonly cfgs: readonly { readonly e: Evidence; readonly cfg: GrubCfg }[];
  readonly bls: readonly { readonly e: Evidence; readonly entry: BlsEntry }[];
  readonly espEntries: readonly Evidence[];
}

const memo = new WeakMap<EvidenceSource, BootFiles>();

export function readBootFiles(ev: EvidenceSource): BootFiles {
  const hit = memo.get(ev);
  if (hit) return hit;
  const grubFiles = [ev.one('default-grub'), ...ev.many('default-grub-d')];
  const readableGrub = grubFiles.filter(hasText);
  const kernelCmdlineFile = ev.one('kernel-cmdline-file');
  const files: BootFiles = {
    grubFiles,
    readableGrub,
    // Files are told apart by where they sit on the host (the bundle path), not by how they were given.
    merged: readableGrub.length > 0 ? mergeDefaultGrub(readableGrub.map((e) => ({ path: hostPath(e), text: e.text }))) : null,
    kernelCmdlineFile,
    kcf: hasText(kernelCmdlineFile) ? parseKernelCmdlineFile(kernelCmdlineFile.text) : null,
    cfgs: [ev.one('grub2-cfg'), ev.one('grub-cfg'), ...ev.many('efi-grub-cfg')]
      .filter(hasText)
      .map((e) => ({ e, cfg: parseGrubCfg(e.text) })),
    bls: [...ev.many('bls-entries'), ...ev.many('esp-loader-entries')].filter(hasText).map((e) => ({ e, entry: parseBlsEntry(e.text) })),
    espEntries: ev.many('esp-loader-entries').filter(hasText),
  };
  memo.set(ev, files);
  return files;
}

export interface BootLayout {
  /** GRUB_ENABLE_BLSCFG=true in /etc/default/grub or grub.d; null when no grub default file could be read. */
  readonly blsEnabled: boolean | null;
  /** Boot loader entries the bundle holds (/boot/loader/entries, /boot/efi/loader/entries). */
  readonly entries: readonly string[];
  /** grub.cfg files on the ESP, their EFI directory, and whether each is a stub that hands over with `configfile`. */
  readonly espGrubCfgs: readonly { readonly path: string; readonly directory: string; readonly stub: boolean }[];
  /** /etc/kernel/cmdline holds a command line (true), exists without one or is absent (false), or could not be read (null). */
  readonly kernelCmdlineFile: boolean | null;
  /** Assignments of GRUB_CMDLINE_LINUX / GRUB_CMDLINE_LINUX_DEFAULT in the order grub-mkconfig reads them. */
  readonly grubCmdlineAssignments: readonly { readonly variable: string; readonly file: string }[];
}

const ESP_GRUB = /^\/boot\/efi\/EFI\/([^/]+)\/grub\.cfg$/;

export function bootLayout(files: BootFiles): BootLayout {
  const kcf = files.kernelCmdlineFile;
  return {
    blsEnabled: files.merged ? files.merged.vars['GRUB_ENABLE_BLSCFG']?.value === 'true' : null,
    entries: files.bls.map((b) => b.e.source),
    espGrubCfgs: files.cfgs.flatMap((c) => {
      const m = ESP_GRUB.exec(c.e.source);
      return m ? [{ path: c.e.source, directory: m[1]!, stub: c.cfg.stub !== undefined && c.cfg.entries.length === 0 }] : [];
    }),
    kernelCmdlineFile: files.kcf ? files.kcf.params !== undefined : kcf.status === 'absent' ? false : null,
    grubCmdlineAssignments: (files.merged?.assignments ?? [])
      .filter((a) => a.name === 'GRUB_CMDLINE_LINUX' || a.name === 'GRUB_CMDLINE_LINUX_DEFAULT')
      .map((a) => ({ variable: a.name, file: a.file ?? '/etc/default/grub' })),
  };
}

/** The host path of a boot file: its bundle path with the leading slash back, else its source. */
export function hostPath(e: Evidence): string {
  return e.path === null ? e.source : `/${e.path}`;
}
