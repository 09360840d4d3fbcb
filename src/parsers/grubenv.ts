/**
 * GRUB environment block, /boot/grub2/grubenv (evidence id `grubenv`): 1024 bytes, first line
 * `# GRUB Environment Block`, then `name=value` lines, padded with `#` up to 1024 bytes
 * (written by grub-editenv / grub2-editenv).
 *
 * Sample: test/fixtures/grubenv/rhel8-kernelopts.env, lines 1–3 (verbatim):
 *   # GRUB Environment Block
 *   saved_entry=rocky-20220212013135-5.16.9-custom
 *   kernelopts=root=/dev/mapper/rl-root ro crashkernel=auto resume=/dev/mapper/rl-swap rd.lvm.lv=rl/root rd.lvm.lv=rl/swap rhgb quiet intel_iommu=on iommu=pt
 * Output: variables in order with line and text; `kernelopts` and `savedEntry` when present.
 * Quirks: the value runs to end of line and may itself contain `=` (kernelopts above); the `#`
 * padding line carries no newline (fixture ends at byte 1024 inside it); RHEL 7 blocks hold only
 * saved_entry (grubby-test-rhel7.env). RHEL 8 keeps kernel options in `kernelopts` here and BLS
 * entries say `options $kernelopts`; RHEL 9 writes options into each entry instead.
 */

export interface GrubenvVar {
  readonly name: string;
  readonly value: string;
  readonly line: number;
  readonly text: string;
}

export interface Grubenv {
  readonly vars: readonly GrubenvVar[];
  readonly kernelopts?: GrubenvVar;
  readonly savedEntry?: GrubenvVar;
  /** The first line is the grub-editenv header. */
  readonly hasHeader: boolean;
  readonly unparsed: readonly { readonly line: number; readonly text: string }[];
}

export function parseGrubenv(text: string): Grubenv {
  const vars: GrubenvVar[] = [];
  const unparsed: { line: number; text: string }[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i] ?? '';
    if (t === '' || t.startsWith('#')) continue;
    const eq = t.indexOf('=');
    if (eq <= 0) {
      unparsed.push({ line: i + 1, text: t });
      continue;
    }
    vars.push({ name: t.slice(0, eq), value: t.slice(eq + 1), line: i + 1, text: t });
  }
  const last = (n: string): GrubenvVar | undefined => vars.filter((v) => v.name === n).pop();
  const kernelopts = last('kernelopts');
  const savedEntry = last('saved_entry');
  return {
    vars,
    ...(kernelopts === undefined ? {} : { kernelopts }),
    ...(savedEntry === undefined ? {} : { savedEntry }),
    hasHeader: rows[0] === '# GRUB Environment Block',
    unparsed,
  };
}
