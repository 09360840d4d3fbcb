/**
 * A fix is data: ordered steps for this host. Rules never write commands by hand; the builders
 * in src/fixes/ hold the distro, bootloader, boot-mode and vendor knowledge once.
 *
 * An `edit-file` step says in words what changes (`change`) and, when ptdoctor can make the change
 * itself, how (`edit`, rendered into an idempotent shell edit by src/fixes/edit-script.ts); the
 * plan script runs that edit. A `run` step marked `afterReboot` (restarting a service that reads
 * its configuration at start, probing devices again) belongs after the plan's reboot when there
 * is one.
 */
import type { FileEdit } from './file-edit.js';

export type FixStep =
  | { readonly kind: 'firmware'; readonly setting: string }
  | { readonly kind: 'edit-file'; readonly path: string; readonly change: string; readonly edit?: FileEdit }
  | { readonly kind: 'run'; readonly command: string; readonly why: string; readonly afterReboot?: true }
  | { readonly kind: 'reboot' }
  | { readonly kind: 'verify'; readonly command: string; readonly expect: string }
  | { readonly kind: 'note'; readonly text: string };

export interface Fix {
  readonly summary: string;
  readonly steps: readonly FixStep[];
  readonly caveats?: readonly string[];
}

export type FixStepKind = FixStep['kind'];
