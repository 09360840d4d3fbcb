/**
 * Parameters the kernel rejects: module parameters (kernel/params.c parse_args, and
 * kernel/module/main.c — kernel/module.c before 5.19 — for unknown ones at module load) and the
 * kernel command line (init/main.c). Built-in modules' parameters on the command line go through
 * the same parse_args with `doing` = `Booting kernel`.
 */
import type { LogCatalogEntry } from './entry.js';
import { LINUX_6_1, LINUX_6_12 } from './versions.js';

const BOTH = [LINUX_6_1, LINUX_6_12];
const PARAMS = 'kernel/params.c';

export const MODULE_PARAMS: readonly LogCatalogEntry[] = [
  {
    id: 'module-param-unknown-ignored',
    origin: 'kernel',
    sourceFile: 'kernel/module/main.c',
    format: "%s: unknown parameter '%s' ignored\n",
    needle: ": unknown parameter '",
    pattern: /^(?<module>[\w-]+): unknown parameter '(?<param>[^']*)' ignored$/,
    fault: 'module-param-rejected',
    level: 'warning',
    meaning: 'The module does not have this parameter (misspelt, or removed in this kernel), so the setting has no effect.',
    verifiedIn: BOTH,
  },
  {
    id: 'param-unknown',
    origin: 'kernel',
    sourceFile: PARAMS,
    format: "%s: Unknown parameter `%s'\n",
    needle: ': Unknown parameter `',
    pattern: /^(?<module>[\w -]+): Unknown parameter `(?<param>[^']*)'$/,
    fault: 'module-param-rejected',
    level: 'error',
    meaning: 'A parameter the module does not have was given, and the caller has no handler for unknown ones.',
    verifiedIn: BOTH,
  },
  {
    id: 'param-invalid-value',
    origin: 'kernel',
    sourceFile: PARAMS,
    format: "%s: `%s' invalid for parameter `%s'\n",
    needle: "' invalid for parameter `",
    pattern: /^(?<module>[\w -]+): `(?<value>[^']*)' invalid for parameter `(?<param>[^']*)'$/,
    fault: 'module-param-rejected',
    level: 'error',
    meaning: 'The value given to this module parameter has the wrong type or range, so the parameter keeps its default.',
    verifiedIn: BOTH,
  },
  {
    id: 'param-value-too-large',
    origin: 'kernel',
    sourceFile: PARAMS,
    format: "%s: `%s' too large for parameter `%s'\n",
    needle: "' too large for parameter `",
    pattern: /^(?<module>[\w -]+): `(?<value>[^']*)' too large for parameter `(?<param>[^']*)'$/,
    fault: 'module-param-rejected',
    level: 'error',
    meaning: 'The value given to this module parameter is too long and was rejected.',
    verifiedIn: BOTH,
  },
  {
    id: 'cmdline-unknown-params',
    origin: 'kernel',
    sourceFile: 'init/main.c',
    format: 'Unknown kernel command line parameters "%s", will be passed to user space.\n',
    needle: 'Unknown kernel command line parameters "',
    pattern: /^Unknown kernel command line parameters "(?<value>[^"]*)", will be passed to user space\.$/,
    fault: 'kernel-param-rejected',
    level: 'notice',
    meaning:
      'The kernel does not know these command-line words (misspelt, or for a module that is not built in); they have no kernel effect.',
    verifiedIn: BOTH,
  },
  {
    id: 'cmdline-malformed-early-option',
    origin: 'kernel',
    sourceFile: 'init/main.c',
    format: "Malformed early option '%s'\n",
    needle: 'Malformed early option ',
    pattern: /^Malformed early option '(?<param>[^']*)'$/,
    fault: 'kernel-param-rejected',
    level: 'warning',
    meaning: "An early parameter's value was rejected by its parser (iommu=, intel_iommu= and amd_iommu= are early parameters).",
    verifiedIn: BOTH,
  },
  {
    id: 'cmdline-obsolete-param',
    origin: 'kernel',
    sourceFile: 'init/main.c',
    format: 'Parameter %s is obsolete, ignored\n',
    needle: ' is obsolete, ignored',
    pattern: /^Parameter (?<param>\S+) is obsolete, ignored$/,
    fault: 'kernel-param-rejected',
    level: 'warning',
    meaning: 'This kernel no longer implements the parameter, so it has no effect.',
    verifiedIn: BOTH,
  },
];
