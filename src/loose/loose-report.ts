/**
 * What each loose input was read as: one entry per piece (a whole file, or a section of a paste),
 * in input order, with the line range it covers, the command typed above it, the kind and the
 * evidence id it stands in for — or that it was not recognised. Plain data: the analysis carries
 * it to the reports.
 */

export interface LoosePiece {
  /** The input as the user named it (`dmesg.txt`, `dir/lspci.txt`, `stdin`). */
  readonly input: string;
  /** 1-based line range in that input (the command line excluded). */
  readonly first: number;
  readonly last: number;
  /** The command typed above the piece (`lspci -nnk | grep -A 3 NVIDIA`), if the paste shows it. */
  readonly command: string | null;
  /** The kind of text (`kernel-log`, `lspci`, `iommu-groups` …, src/loose/piece-kind.ts); null when not recognised. */
  readonly kind: string | null;
  /** Recognised as, in the report's words: `dmesg -T`, `lspci -nnk`, `/etc/modprobe.d/vfio.conf` …; null when not recognised. */
  readonly readAs: string | null;
  /** The bundle evidence id it stands in for; null when nothing in the analysis reads this kind. */
  readonly evidence: string | null;
  /** Why it matters how it was read: a grep cut, a later copy used instead, the first line of unrecognised text. */
  readonly note: string | null;
}

export interface LooseInputs {
  /** Every input named (files, directory entries, stdin), in order. */
  readonly names: readonly string[];
  readonly pieces: readonly LoosePiece[];
}
