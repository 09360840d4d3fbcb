/**
 * A fix is data: ordered steps for this host. Rules never write commands by hand; the builders
 * in src/fixes/ hold the distro, bootloader, boot-mode and vendor knowledge once.
 */
export type FixStep =
  | { readonly kind: 'firmware'; readonly setting: string }
  | { readonly kind: 'edit-file'; readonly path: string; readonly change: string }
  | { readonly kind: 'run'; readonly command: string; readonly why: string }
  | { readonly kind: 'reboot' }
  | { readonly kind: 'verify'; readonly command: string; readonly expect: string }
  | { readonly kind: 'note'; readonly text: string };

export interface Fix {
  readonly summary: string;
  readonly steps: readonly FixStep[];
  readonly caveats?: readonly string[];
}

export type FixStepKind = FixStep['kind'];
