/**
 * Bring what the bootloader reads in line with the configured command line, then reboot. The
 * commands per host come from src/fixes/boot-target.ts (its header cites each convention).
 * Unlike changeKernelParams (which edits the source first), regenerateBootConfig is for hosts whose
 * source already holds the parameters: only the regenerate step, the reboot and the check remain.
 */
import type { HostProfile } from '../facts/host-profile.js';
import { cmdlineTarget, type CmdlineTarget, type RegenerateOutput } from './boot-target.js';
import type { Fix, FixStep } from './fix.js';
import { checkChange, type CheckedChange } from './kernel-args.js';
import { displayParts, joinWords, sh } from './shell.js';

export type { ParamChange } from './kernel-args.js';

function grubMkconfig(tool: 'grub2-mkconfig' | 'grub-mkconfig', out: RegenerateOutput): FixStep {
  if (!out.onlyIfFull)
    return { kind: 'run', command: sh`${{ shell: tool }} -o ${out.path}`.shell, why: 'regenerates the grub.cfg this boot mode reads' };
  return {
    kind: 'run',
    command:
      sh`f=${out.path}; if [ -f "$f" ] && grep -Eq '^[[:space:]]*(menuentry|blscfg)' "$f"; then ${{ shell: tool }} -o "$f"; else echo "not regenerated: $f is missing or a stub that loads /boot/grub2/grub.cfg"; fi`
        .shell,
    why: 'regenerates the ESP grub.cfg only where it is the full configuration (never over the stub of Fedora 34+ and RHEL 9)',
  };
}

/** The grubby command that puts a change on every boot entry; grubby replaces an existing argument of the same name when it adds one. */
function grubbyStep(change: CheckedChange): FixStep | null {
  const removeNames = change.removeNames;
  const remove = [...change.remove.flatMap((r) => r.split(' ')), ...removeNames];
  // A replacement is an add: grubby-bls update_args puts `name=value` in place of the first argument of that name.
  const add = [...change.add, ...change.replace.map((r) => r.to)];
  if (add.length === 0 && remove.length === 0) return null;
  const args = add.length > 0 ? sh` --args=${joinWords(add, ' ')}`.shell : '';
  const removeArgs = remove.length > 0 ? sh` --remove-args=${remove.join(' ')}`.shell : '';
  return {
    kind: 'run',
    command: `grubby --update-kernel=ALL${removeArgs}${args}`,
    why: 'BLS entries carry their own options; grubby updates every entry',
  };
}

/** The commands that turn the edited configuration into what the bootloader reads. */
export function regenerateSteps(target: CmdlineTarget, change: CheckedChange): FixStep[] {
  switch (target.kind) {
    case 'grub':
      if (target.tool === 'update-grub')
        return [{ kind: 'run', command: 'update-grub', why: 'regenerates /boot/grub/grub.cfg from /etc/default/grub' }];
      return target.outputs.map((o) => grubMkconfig(target.tool === 'grub-mkconfig' ? 'grub-mkconfig' : 'grub2-mkconfig', o));
    case 'grubby': {
      const step = grubbyStep(change);
      return step ? [step] : [];
    }
    case 'proxmox-boot-tool':
      return [{ kind: 'run', command: 'proxmox-boot-tool refresh', why: 'copies /etc/kernel/cmdline into the boot entries on every ESP' }];
    case 'kernel-install':
      return [
        {
          kind: 'run',
          command: 'kernel-install add "$(uname -r)" "/lib/modules/$(uname -r)/vmlinuz"',
          why: 'regenerates the boot entry of the running kernel from /etc/kernel/cmdline',
        },
      ];
    case 'entries':
      return [];
    case 'unknown':
      return [{ kind: 'note', text: `Regenerate the bootloader configuration by hand: ${target.why}.` }];
    default: {
      const never: never = target;
      return never;
    }
  }
}

/** After the reboot: /proc/cmdline shows what was added and no longer what was removed. */
export function verifyParamSteps(change: CheckedChange): FixStep[] {
  const steps: FixStep[] = [];
  const added = [...change.add, ...change.replace.map((r) => r.to)].map(displayParts);
  if (added.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `contains ${added.join(' ')}` });
  const gone = [...change.remove, ...change.removeNames.map((n) => `${n}=…`), ...change.replace.map((r) => r.from)];
  if (gone.length > 0) steps.push({ kind: 'verify', command: 'cat /proc/cmdline', expect: `no longer contains ${gone.join(' ')}` });
  return steps;
}

export function regenerateBootConfig(host: HostProfile, params: readonly string[], summary: string): Fix {
  const change = checkChange({ add: params, remove: [] });
  const target = cmdlineTarget(host);
  // The source already holds the parameters: with grubby they still have to reach the entries.
  const steps: FixStep[] = [
    ...change.refused,
    ...regenerateSteps(target, target.kind === 'grubby' ? change : { ...change, add: [] }),
    { kind: 'reboot' },
    ...verifyParamSteps(change),
  ];
  return host.bootloader === 'unknown' || host.bootloader === null
    ? { summary, steps, caveats: ['The bootloader could not be identified from the bundle; check which one the host uses first.'] }
    : { summary, steps };
}

export function rebootToApply(params: readonly string[], removed: readonly string[]): Fix {
  const change = checkChange({ add: params, remove: removed });
  const steps: FixStep[] = [...change.refused, { kind: 'reboot' }, ...verifyParamSteps(change)];
  return { summary: 'Reboot so the kernel starts with the configured parameters', steps };
}

/** For a bootloader the bundle cannot show: where to look (bootctl(1), efibootmgr(8), the UAPI boot loader and UKI specifications). */
export function inspectBootloaderByHand(): Fix {
  return {
    summary: 'Find the bootloader and check its kernel command line by hand',
    steps: [
      { kind: 'run', command: 'bootctl status; efibootmgr -v', why: 'shows which bootloader or EFI binary the firmware starts' },
      {
        kind: 'note',
        text: 'systemd-boot: the options line of the entry in /boot/efi/loader/entries or /efi/loader/entries; a unified kernel image: its built-in .cmdline section (objdump -h lists it); a custom EFI stub: the arguments in its efibootmgr entry.',
      },
      { kind: 'verify', command: 'cat /proc/cmdline', expect: 'carries the passthrough parameters the boot entry sets' },
    ],
  };
}
