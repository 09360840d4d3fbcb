/**
 * Change kernel command-line parameters persistently, the way this host's bootloader and
 * distribution expect (src/fixes/boot-target.ts decides where and with what, and cites each
 * convention), then reboot and verify on /proc/cmdline.
 *
 * Every edit is one ptdoctor makes itself (src/fixes/file-edit.ts): it adds an argument only when
 * it is not already there, so a parameter is never appended twice, and removes by exact argument or
 * by name. A reboot that would drop parameters the running kernel has (added at the boot prompt,
 * or removed from the source since the last boot) is announced before anything else.
 */
import type { HostProfile } from '../facts/host-profile.js';
import { cmdlineTarget, type CmdlineTarget } from './boot-target.js';
import type { CmdlineLocation, FileEdit } from './file-edit.js';
import { describeEdit } from './file-edit.js';
import type { Fix, FixStep } from './fix.js';
import { checkChange, paramName, type CheckedChange, type ParamChange } from './kernel-args.js';
import { regenerateSteps, verifyParamSteps } from './regenerate-boot-config.js';

export type { ParamChange } from './kernel-args.js';

const VARIABLES = ['GRUB_CMDLINE_LINUX', 'GRUB_CMDLINE_LINUX_DEFAULT'] as const;

function edit(path: string, location: CmdlineLocation, change: CheckedChange, withAdds: boolean): FixStep {
  const e: FileEdit = {
    op: 'kernel-cmdline',
    location,
    add: withAdds ? change.add : [],
    remove: change.remove,
    removeNames: change.removeNames,
    ...(change.replace.length > 0 ? { replace: change.replace } : {}),
  };
  return { kind: 'edit-file', path, change: describeEdit(e), edit: e };
}

function grubVariableEdits(addFile: string, removeFiles: readonly string[], variable: string, change: CheckedChange): FixStep[] {
  const variables = [variable, ...VARIABLES.filter((v) => v !== variable)];
  const removes = change.remove.length > 0 || change.removeNames.length > 0 || change.replace.length > 0;
  const steps = [edit(addFile, { kind: 'shell-variable', variables }, change, true)];
  for (const f of removeFiles) if (f !== addFile && removes) steps.push(edit(f, { kind: 'shell-variable', variables }, change, false));
  return steps;
}

/** The file edits for this host's command-line source. */
export function cmdlineEditSteps(target: CmdlineTarget, change: CheckedChange): FixStep[] {
  switch (target.kind) {
    case 'grub':
      return grubVariableEdits(target.addFile, target.removeFiles, target.variable, change);
    case 'grubby':
      return [
        ...grubVariableEdits(target.addFile, target.removeFiles, 'GRUB_CMDLINE_LINUX', change),
        ...(target.kernelCmdlineFile ? [edit('/etc/kernel/cmdline', { kind: 'one-line' }, change, true)] : []),
      ];
    case 'proxmox-boot-tool':
    case 'kernel-install':
      return [edit('/etc/kernel/cmdline', { kind: 'one-line' }, change, true)];
    case 'entries':
      return target.files.map((f) => edit(f, { kind: 'entry-options' }, change, true));
    case 'unknown':
      return [
        {
          kind: 'note',
          text: `Change the kernel command line by hand (${target.why}): ${describeEdit({ op: 'kernel-cmdline', location: { kind: 'one-line' }, add: change.add, remove: change.remove, removeNames: change.removeNames })}.`,
        },
      ];
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** Parameters the reboot would drop, other than those this change removes or replaces. */
function droppedByReboot(host: HostProfile, change: CheckedChange): string[] {
  const removed = new Set([
    ...change.remove.flatMap((r) => r.split(' ')),
    ...change.add.map((a) => (typeof a[0] === 'string' ? a[0] : '')),
  ]);
  const names = new Set([...change.removeNames.map(paramName), ...change.add.map((a) => paramName(typeof a[0] === 'string' ? a[0] : ''))]);
  return (host.paramsLostOnReboot ?? []).filter((p) => !removed.has(p) && !names.has(paramName(p)));
}

export function rebootWarning(host: HostProfile, change: CheckedChange): FixStep[] {
  const lost = droppedByReboot(host, change);
  if (lost.length === 0) return [];
  return [
    {
      kind: 'note',
      text: `Warning before the reboot: the running kernel has ${lost.join(' ')}, which the boot configuration does not carry; the reboot drops them unless they are added to the boot configuration too.`,
    },
  ];
}

export function changeKernelParams(host: HostProfile, change: ParamChange, summary: string): Fix {
  const checked = checkChange(change);
  const nothing =
    checked.add.length === 0 && checked.remove.length === 0 && checked.removeNames.length === 0 && checked.replace.length === 0;
  // Every parameter was refused: only the notes saying why remain, for a person to act on.
  if (nothing && checked.refused.length > 0) return { summary, steps: checked.refused };
  // Nothing to add or remove: the command line is not the cause, so there is nothing to edit or regenerate.
  if (nothing)
    return {
      summary: 'No kernel parameter explains this: look at the boot log and the firmware setting',
      steps: [
        ...checked.refused,
        {
          kind: 'run',
          command: host.arch === 'aarch64' ? 'dmesg | grep -i -e smmu -e iommu' : 'dmesg | grep -i -e DMAR -e AMD-Vi -e iommu',
          why: 'shows whether the IOMMU driver started and why not',
        },
        {
          kind: 'note',
          text:
            host.arch === 'aarch64'
              ? 'Check the SMMU setting in the firmware setup ("SMMU"; "Support Smmu" on Kunpeng/TaiShan) and that the kernel is built with the SMMU driver (CONFIG_ARM_SMMU_V3).'
              : 'Check the IOMMU setting in the firmware setup (Intel VT-d, AMD IOMMU/AMD-Vi) and that the kernel is built with IOMMU support.',
        },
        { kind: 'verify', command: 'ls /sys/kernel/iommu_groups', expect: 'numbered IOMMU groups' },
      ],
    };
  const target = cmdlineTarget(host);
  const steps: FixStep[] = [
    ...rebootWarning(host, checked),
    ...checked.refused,
    ...cmdlineEditSteps(target, checked),
    ...regenerateSteps(target, checked),
    { kind: 'reboot' },
    ...verifyParamSteps(checked),
    ...(target.kind === 'proxmox-boot-tool'
      ? [
          {
            kind: 'verify',
            command: 'proxmox-boot-tool status',
            expect: 'every ESP listed as configured, with the running kernel',
          } as const,
        ]
      : []),
  ];
  const caveats: string[] = [];
  if (host.bootloader === null || host.bootloader === 'unknown')
    caveats.push(
      'The bootloader could not be identified from the bundle; the steps assume GRUB. Check which bootloader the host uses first.',
    );
  return caveats.length > 0 ? { summary, steps, caveats } : { summary, steps };
}
