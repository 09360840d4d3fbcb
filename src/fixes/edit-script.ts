/**
 * A FileEdit as shell: one subshell that backs the file up once (under /var/backups/ptdoctor,
 * outside the directories modprobe, udev, dracut and initramfs-tools read, so a copy is never
 * taken for configuration; a file that did not exist leaves a `.absent` marker instead), writes the edited text to a temporary file, and replaces the file's
 * content only when it changed (the file keeps its owner and mode). `set -eu` inside the subshell
 * stops the edit at the first failure; run inside the plan script (itself `set -eu`), a failed
 * edit stops the plan before anything is regenerated. Pasted alone into a terminal, it fails
 * without closing it.
 */
import type { FileEdit } from './file-edit.js';
import {
  KERNEL_CMDLINE_AWK,
  LINES_AWK,
  MODPROBE_OPTION_AWK,
  MODULE_LIST_AWK,
  SHELL_ARRAY_AWK,
  YAML_KEY_AWK,
  YAML_RENAME_AWK,
} from './edit-programs.js';
import { joinWords, sh, shellQuote, type Shell } from './shell.js';

export const BACKUP_DIR = '/var/backups/ptdoctor';

const awk = (program: string): Shell => {
  // Guarded in the test suite too: a quote inside a program would end the shell's single quotes.
  if (program.includes("'")) throw new Error('an awk program must not contain a single quote');
  return { shell: `awk '${program.trim()}'` };
};

/** The producer: a command that prints the edited file, reading "$s" (the file, or /dev/null when it does not exist yet). */
function producer(edit: FileEdit): Shell {
  switch (edit.op) {
    case 'kernel-cmdline': {
      const loc = edit.location;
      const mode = loc.kind === 'shell-variable' ? 'var' : loc.kind === 'one-line' ? 'line' : 'options';
      const vars = loc.kind === 'shell-variable' ? loc.variables.join(' ') : '';
      const repl = joinWords(
        (edit.replace ?? []).map((r) => [r.from, ' ', ...r.to]),
        '|',
      );
      return sh`PTD_MODE=${mode} PTD_VARS=${vars} PTD_ADD=${joinWords(edit.add, ' ')} PTD_DEL=${edit.remove.join('|')} PTD_DELKEY=${edit.removeNames.join(' ')} PTD_REPL=${repl} ${awk(KERNEL_CMDLINE_AWK)} "$s" "$s"`;
    }
    case 'module-list':
      return sh`PTD_ADD=${edit.add.join(' ')} PTD_DEL=${edit.remove.join(' ')} ${awk(MODULE_LIST_AWK)} "$s"`;
    case 'lines':
      return sh`PTD_ADD=${edit.add.join('|')} PTD_DEL=${edit.remove.join('|')} ${awk(LINES_AWK)} "$s"`;
    case 'modprobe-option':
      return sh`PTD_MODULE=${edit.module} PTD_OPTION=${edit.option} PTD_ADD=${edit.add.join(',')} PTD_DEL=${edit.remove.join(',')} PTD_DELALL=${edit.removeOption ? '1' : '0'} ${awk(MODPROBE_OPTION_AWK)} "$s" "$s"`;
    case 'shell-array':
      return sh`PTD_VAR=${edit.variable} PTD_ADD=${edit.add.join(' ')} ${awk(SHELL_ARRAY_AWK)} "$s"`;
    case 'write-file':
      return sh`printf '%s\\n' ${[...edit.lines]}`;
    case 'yaml-key':
      return sh`PTD_KEY=${edit.key} PTD_VALUE=${edit.value} ${awk(YAML_KEY_AWK)} "$s"`;
    case 'yaml-rename':
      return sh`PTD_FROM=${edit.from} PTD_TO=${edit.to} ${awk(YAML_RENAME_AWK)} "$s" "$s"`;
    default: {
      const never: never = edit;
      return never;
    }
  }
}

/** The shell that makes `edit` to `path` (a path already checked by the builder); tests give another backup root. */
export function editScript(path: string, edit: FileEdit, backupRoot: string = BACKUP_DIR): string {
  const backup = `${backupRoot}${path}`;
  const lines = [
    '( set -eu',
    `  f=${shellQuote(path)} b=${shellQuote(backup)}`,
    // Backed up once: the original, or a `.absent` marker when the file did not exist before the first edit.
    '  if [ ! -e "$b" ] && [ ! -e "$b.absent" ]; then mkdir -p "${b%/*}"; if [ -e "$f" ]; then cp -p "$f" "$b"; else : > "$b.absent"; fi; fi',
    '  s=$f; [ -e "$f" ] || s=/dev/null',
    '  t=$(mktemp)',
    `  ${producer(edit).shell} > "$t" || { rm -f "$t"; exit 1; }`,
    // Nothing to write and nothing there: leave the file absent rather than create it empty.
    '  if [ ! -e "$f" ] && [ ! -s "$t" ]; then rm -f "$t"; exit 0; fi',
    '  mkdir -p "${f%/*}"',
    '  cmp -s "$t" "$f" || cat "$t" > "$f"',
    '  rm -f "$t"',
  ];
  if (edit.op === 'write-file' && edit.executable) lines.push('  chmod 755 "$f"');
  lines.push(')');
  return lines.join('\n');
}
