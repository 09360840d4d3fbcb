/**
 * What a pasted command says about the output under it: the kinds of text it prints, the host
 * file it reads, the IOMMU group it lists, and whether a filter (grep, head, tail, awk, sed, cut)
 * kept only part of the lines. A hint, never the decision: the text is recognised by its content
 * and the hint only breaks ties and names the file.
 *
 * The command is split at `;`, `&&`, `||` and `|` without a shell parser: a `|` inside a quoted
 * grep pattern (`grep 'IOMMU\|AMD-Vi'`, test/real-cases/cases/
 * github-agenkit-ghost-amd-iommu-on-unknown-option) only adds a stage that names no program.
 */
import { kindOfPath, type PieceKind } from './piece-kind.js';
import { programOf } from './prompt-line.js';

export interface CommandHint {
  /** Kinds the command prints, in order (`cat /proc/cmdline; for d in /sys/kernel/iommu_groups/…` prints two). */
  readonly kinds: readonly PieceKind[];
  /** The host file a `cat`, `grep` or `echo >` names, backslash escapes removed. */
  readonly path: string | null;
  /** The group of `ls /sys/kernel/iommu_groups/<n>/devices`. */
  readonly group: number | null;
  /** A filter kept only some lines: what the output lacks proves nothing. */
  readonly filtered: boolean;
}

export const NO_HINT: CommandHint = { kinds: [], path: null, group: null, filtered: false };

const FILTERS = new Set(['grep', 'egrep', 'fgrep', 'zgrep', 'head', 'tail', 'awk', 'sed', 'cut', 'less', 'more']);
const READERS = new Set(['cat', 'less', 'more', 'head', 'tail', 'zcat', 'grep', 'egrep', 'fgrep', 'zgrep', 'awk', 'sed']);

export function commandHint(command: string | null): CommandHint {
  if (command === null || command.trim() === '') return NO_HINT;
  const kinds: PieceKind[] = [];
  let path: string | null = null;
  let group: number | null = null;
  let filtered = false;
  let inLoop = false;
  for (const pipeline of command.split(/;|&&|\|\||\n/)) {
    const stages = pipeline.split('|').filter((s) => s.trim() !== '');
    const first = stages[0];
    if (first === undefined) continue;
    const program = programOf(first);
    if (program === 'for' || program === 'while') inLoop = true;
    if (inLoop) {
      if (/iommu_groups/.test(pipeline) && !kinds.includes('iommu-groups')) kinds.push('iommu-groups');
      if (/^\s*done\b/.test(pipeline)) inLoop = false;
      continue;
    }
    if (stages.slice(1).some((s) => FILTERS.has(programOf(s)))) filtered = true;
    const one = pipelineHint(first, program);
    if (one.filtered) filtered = true;
    if (one.kind && !kinds.includes(one.kind)) kinds.push(one.kind);
    path ??= one.path;
    group ??= one.group;
  }
  return { kinds, path, group, filtered };
}

function pipelineHint(
  stage: string,
  program: string,
): { kind: PieceKind | null; path: string | null; group: number | null; filtered: boolean } {
  const args = stage.trim().split(/\s+/).slice(1);
  const paths = args.filter((a) => a.startsWith('/')).map(unescape);
  const target = /(?:^|\s)>{1,2}\s*(\/\S{1,4000})/.exec(stage)?.[1];
  const path = target ? unescape(target) : (paths[0] ?? null);
  const group = path ? /\/iommu_groups\/(\d{1,9})(?:\/|$)/.exec(path)?.[1] : undefined;
  const none = { path: null, group: null, filtered: false };
  const byPath = path ? kindOfPath(path) : null;
  switch (program) {
    case 'dmesg':
      return { ...none, kind: 'kernel-log' };
    case 'journalctl':
      return { ...none, kind: args.some((a) => /^(?:-[a-jl-z]{0,8}k[a-z]{0,8}|--dmesg|_TRANSPORT=kernel)$/.test(a)) ? 'kernel-log' : null };
    case 'lspci':
      return { ...none, kind: 'lspci' };
    case 'lsmod':
      return { ...none, kind: 'lsmod' };
    case 'uname':
      return { ...none, kind: 'uname' };
    case 'dmidecode':
      return { ...none, kind: 'dmidecode' };
    case 'systemd-detect-virt':
      return { ...none, kind: 'systemd-detect-virt' };
    case 'kubectl':
      return { ...none, kind: args.includes('logs') ? 'host-service-log' : null };
    case 'virsh':
      // `virsh start`/`create`/`attach-device` print libvirt's errors; `nodedev-dumpxml`, `dumpxml`, `list` print descriptions.
      return { ...none, kind: args.some((a) => /^(?:nodedev-[\w-]+|dumpxml|list|dominfo|capabilities)$/.test(a)) ? null : 'qemu-log' };
    case 'echo':
      return { kind: target ? byPath : null, path: target ? path : null, group: null, filtered: false };
    default:
      break;
  }
  if (program.startsWith('qemu-system') || program === 'qemu-kvm') return { ...none, kind: 'qemu-log' };
  if (program === 'ls-iommu' || /iommu/i.test(program)) return { ...none, kind: 'iommu-groups' };
  if ((program === 'find' || program === 'ls' || program === 'tree') && byPath === 'iommu-groups')
    return { kind: 'iommu-groups', path, group: group === undefined ? null : Number(group), filtered: false };
  if (READERS.has(program) && path)
    return { kind: byPath, path, group: null, filtered: FILTERS.has(program) && program !== 'less' && program !== 'more' };
  return { kind: null, path: null, group: null, filtered: false };
}

/** `/sys/bus/pci/devices/0000\:01\:00.0/sriov_totalvfs` → `/sys/bus/pci/devices/0000:01:00.0/sriov_totalvfs`; quotes removed. */
function unescape(p: string): string {
  return p.replace(/\\(.)/g, '$1').replace(/["']/g, '');
}
