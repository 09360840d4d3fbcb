/**
 * The one way a value reaches a shell command that ptdoctor prints for a person to run as root.
 *
 * Every fix command, the plan script and the verify script are built with `sh`: the template's
 * literal text is the command ptdoctor wrote, and every interpolated value goes through
 * `shellQuote` (POSIX single quotes, an embedded `'` written as `'\''`; XCU 2.2.2 "Single-Quotes":
 * nothing inside them is special). A value that must also be a name (module, driver, PCI address,
 * path) is checked first by src/fixes/identifiers.ts; one that fails never reaches a command.
 *
 * A value the person supplies when running the plan (how many huge pages, this node's Cloudpods host
 * name) is a `PlanInput`: it expands as `"${NAME:?…}"`, so a command run without it stops with the
 * message instead of running with an empty or placeholder word (XCU 2.6.2 `${parameter:?word}`).
 */

/** A finished piece of shell written by a builder: safe to splice into another `sh` command unquoted. */
export interface Shell {
  readonly shell: string;
}

/** A value the person running the plan provides; declared at the top of the plan script. */
export interface PlanInput {
  readonly input: string;
}

export type ShellValue = string | number | Shell | PlanInput | readonly (string | Shell | PlanInput)[];

/** Characters that never need quoting in a shell word (the set Python's shlex.quote leaves bare). */
const BARE = /^[\w@%+=:,./-]+$/;

export function shellQuote(value: string): string {
  if (value === '') return "''";
  if (BARE.test(value)) return value;
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** Plan inputs a fix may ask for, with what each one means (shown where the plan script declares it). */
export const PLAN_INPUTS = {
  PTD_HUGEPAGES: 'the number of huge pages to reserve (the guests\u2019 memory divided by the page size)',
  PTD_HOST: 'this node\u2019s host name in Cloudpods (climc host-list)',
  PTD_SERVER: 'the id of the Cloudpods server (VM) whose start failed (climc server-list)',
  PTD_NUMVFS: 'how many virtual functions to create',
} as const;

export type PlanInputName = keyof typeof PLAN_INPUTS;

export function input(name: PlanInputName): PlanInput {
  return { input: name };
}

const isShell = (v: unknown): v is Shell => typeof v === 'object' && v !== null && 'shell' in v;
const isInput = (v: unknown): v is PlanInput => typeof v === 'object' && v !== null && 'input' in v;

function inputWord(i: PlanInput): string {
  return `"\${${i.input}:?set ${i.input} first}"`;
}

function renderValue(v: ShellValue): string {
  if (typeof v === 'number') return shellQuote(String(v));
  if (typeof v === 'string') return shellQuote(v);
  if (isShell(v)) return v.shell;
  if (isInput(v)) return inputWord(v);
  // A list: one shell word per element.
  return v.map((x) => renderValue(x)).join(' ');
}

/** `sh\`modprobe -r ${module}\``: the literal parts verbatim, every value quoted. */
export function sh(strings: TemplateStringsArray, ...values: readonly ShellValue[]): Shell {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += renderValue(v) + (strings[i + 1] ?? '');
  });
  return { shell: out };
}

/**
 * One shell word made of literal text and plan inputs side by side: `hugepages=` and PTD_HUGEPAGES
 * become `hugepages="${PTD_HUGEPAGES:?…}"`.
 */
export function word(...parts: readonly (string | PlanInput)[]): Shell {
  return { shell: parts.map((p) => (typeof p === 'string' ? (p === '' ? '' : shellQuote(p)) : inputWord(p))).join('') || "''" };
}

/** Several values as one shell word, separated by `sep` (`'intel_iommu=on iommu=pt'`), plan inputs kept as inputs. */
export function joinWords(values: readonly (readonly (string | PlanInput)[])[], sep: string): Shell {
  const parts: (string | PlanInput)[] = [];
  values.forEach((v, i) => {
    if (i > 0) parts.push(sep);
    parts.push(...v);
  });
  // Adjacent literal text is quoted once.
  const merged = parts.reduce<(string | PlanInput)[]>((acc, p) => {
    const last = acc.at(-1);
    if (typeof p === 'string' && typeof last === 'string') acc[acc.length - 1] = last + p;
    else acc.push(p);
    return acc;
  }, []);
  return merged.length === 0 ? { shell: "''" } : word(...merged);
}

/** Plan inputs named in a command this module built (the `${NAME:?` form above, names from PLAN_INPUTS only). */
export function inputsIn(command: string): PlanInputName[] {
  return (Object.keys(PLAN_INPUTS) as PlanInputName[]).filter((name) => command.includes(`\${${name}:?`));
}

/** Display form of a value that may hold a plan input: `hugepages=$PTD_HUGEPAGES`. */
export function displayParts(parts: readonly (string | PlanInput)[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : `$${p.input}`)).join('');
}
