/**
 * /etc/kernel/cmdline (evidence id `kernel-cmdline-file`): the command line kernel-install and
 * Proxmox's proxmox-boot-tool write into boot entries. pve-docs system-booting.adoc: "The kernel
 * commandline needs to be placed as one line in `/etc/kernel/cmdline`. To apply your changes, run
 * `proxmox-boot-tool refresh`". On RHEL 9 / Fedora, grub2-mkconfig's 10_linux writes
 * "root=… ro ${GRUB_CMDLINE_LINUX} ${GRUB_CMDLINE_LINUX_DEFAULT}" here when /etc/default/grub is newer.
 *
 * Sample: test/fixtures/kernel-cmdline-file/proxmox-zfs.txt, line 1 (verbatim):
 *   root=ZFS=rpool/ROOT/pve-1 boot=zfs
 * Output: the first non-empty, non-comment line as `params` (split it with parseCmdline), with line
 * and text; further non-empty lines go to `extraLines` because the tools read one line.
 * Quirks: kernel-install ignores `#` comment lines; trailing newline optional.
 */
import { splitLines, type SourceLine } from './lines.js';

export interface KernelCmdlineFile {
  readonly params?: { readonly value: string; readonly line: number; readonly text: string };
  readonly extraLines: readonly SourceLine[];
}

export function parseKernelCmdlineFile(text: string): KernelCmdlineFile {
  let params: KernelCmdlineFile['params'];
  const extraLines: SourceLine[] = [];
  for (const l of splitLines(text)) {
    const t = l.text;
    if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
    if (params === undefined) params = { value: t.trim(), ...l };
    else extraLines.push(l);
  }
  return params === undefined ? { extraLines } : { params, extraLines };
}
