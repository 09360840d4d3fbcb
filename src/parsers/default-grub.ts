/**
 * /etc/default/grub (evidence id `default-grub`) and /etc/default/grub.d/*.cfg (`default-grub-d`).
 *
 * grub-mkconfig *sources* these files as shell: `. ${sysconfdir}/default/grub`, then on Debian and
 * Ubuntu `for x in ${sysconfdir}/default/grub.d/*.cfg ; do if [ -e "${x}" ]; then . "${x}"; fi; done`
 * (/usr/sbin/grub-mkconfig, Debian grub-common 2.06-13+deb12u2, lines 160–167). Red Hat's grub2
 * (rhboot/grub2 util/grub-mkconfig.in) sources only /etc/default/grub.
 *
 * Sample: test/fixtures/default-grub/debian-12-template.txt, lines 6–10 (verbatim):
 *   GRUB_DEFAULT=0
 *   GRUB_TIMEOUT=5
 *   GRUB_DISTRIBUTOR=`lsb_release -i -s 2> /dev/null || echo Debian`
 *   GRUB_CMDLINE_LINUX_DEFAULT="quiet"
 *   GRUB_CMDLINE_LINUX=""
 * Output: every assignment in file order (name, expanded value, line, verbatim text) and `vars`,
 * the value each name holds at the end of the file (later assignment wins).
 * Quirks: `$VAR`/`${VAR}` expand to earlier assignments (grub.d snippets append with
 * `GRUB_CMDLINE_LINUX="$GRUB_CMDLINE_LINUX intel_iommu=on"`, fixture grub-d-append.cfg); a
 * reference to a name never assigned expands to "" and is listed in `unresolved` (it may come from
 * the environment or an earlier file); command substitutions are kept verbatim, never run
 * (GRUB_DISTRIBUTOR above); `export KEY=…` counts as an assignment; other shell (if/fi, commands)
 * goes to `unparsed` because its effect cannot be known offline.
 */
import { expandParts, splitAssignment, splitShellStatements } from './shell-words.js';

export interface GrubAssignment {
  readonly name: string;
  readonly value: string;
  /** File the assignment came from, when parsed through mergeDefaultGrub. */
  readonly file?: string;
  readonly line: number;
  readonly text: string;
  readonly unresolved: readonly string[];
  readonly hasCommand: boolean;
}

export interface DefaultGrub {
  readonly assignments: readonly GrubAssignment[];
  /** Final assignment per name. */
  readonly vars: Readonly<Record<string, GrubAssignment>>;
  readonly unparsed: readonly { readonly line: number; readonly text: string; readonly file?: string }[];
}

function parseInto(
  text: string,
  file: string | undefined,
  env: Map<string, GrubAssignment>,
  assignments: GrubAssignment[],
  unparsed: { line: number; text: string; file?: string }[],
): void {
  for (const st of splitShellStatements(text)) {
    let words = st.words;
    if (words[0]?.raw === 'export') words = words.slice(1);
    const assigns = words.map(splitAssignment);
    if (words.length === 0 || st.unterminated || assigns.some((a) => a === undefined)) {
      unparsed.push(file === undefined ? { line: st.line, text: st.text } : { line: st.line, text: st.text, file });
      continue;
    }
    for (const a of assigns) {
      if (a === undefined) continue;
      const ex = expandParts(a.value, (name) => env.get(name)?.value);
      const rec: GrubAssignment = {
        name: a.name,
        value: ex.value,
        ...(file === undefined ? {} : { file }),
        line: st.line,
        text: st.text,
        unresolved: ex.unresolved,
        hasCommand: ex.hasCommand,
      };
      assignments.push(rec);
      env.set(a.name, rec);
    }
  }
}

export function parseDefaultGrub(text: string): DefaultGrub {
  const env = new Map<string, GrubAssignment>();
  const assignments: GrubAssignment[] = [];
  const unparsed: { line: number; text: string }[] = [];
  parseInto(text, undefined, env, assignments, unparsed);
  return { assignments, vars: Object.fromEntries(env), unparsed };
}

export interface GrubFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The settings grub-mkconfig sees: /etc/default/grub first, then /etc/default/grub.d/*.cfg in the
 * order the shell glob expands them (sorted by name; byte order here, which matches the C locale
 * and the usual ASCII file names), each file seeing the variables the previous ones set.
 * Files not named /etc/default/grub or *.cfg under grub.d are ignored, as the glob ignores them.
 */
export function mergeDefaultGrub(files: readonly GrubFile[]): DefaultGrub {
  const main = files.filter((f) => f.path.replace(/^\/+/, '') === 'etc/default/grub');
  const snippets = files
    .filter((f) => {
      const p = f.path.replace(/^\/+/, '');
      return p.startsWith('etc/default/grub.d/') && p.endsWith('.cfg') && !p.slice(19).includes('/');
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const env = new Map<string, GrubAssignment>();
  const assignments: GrubAssignment[] = [];
  const unparsed: { line: number; text: string; file?: string }[] = [];
  for (const f of [...main, ...snippets]) parseInto(f.text, f.path, env, assignments, unparsed);
  return { assignments, vars: Object.fromEntries(env), unparsed };
}
