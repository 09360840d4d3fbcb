/** The boot configuration: bootloader, its files and the parameters they carry. */
import type { EvidenceRef } from '../fact.js';
import type { BootMode } from './host.js';
import type { KernelParam } from './kernel.js';

export type Bootloader = 'grub' | 'grub-bls' | 'systemd-boot' | 'unknown';

export interface BootParamSource {
  /** The file a user edits (/etc/default/grub, /etc/kernel/cmdline) or a generated one. */
  readonly file: string;
  readonly role: 'source' | 'generated';
  readonly params: readonly KernelParam[];
  readonly ref: EvidenceRef;
  /** Modified after the last boot (from the manifest's mtime and btime). */
  readonly changedSinceBoot: boolean | null;
}

export interface BootConfigFacts {
  readonly bootloader: Bootloader;
  readonly bootMode: BootMode | null;
  readonly sources: readonly BootParamSource[];
  /** Paths of grub.cfg files found, with the one this boot mode reads. */
  readonly grubCfgPaths: readonly string[];
  /** Every grub.cfg found: whether it is a stub that hands over with `configfile`, and the
   * parameters of its entry for the running kernel (null for a stub or an entry-less file). */
  readonly grubCfgs: readonly {
    readonly file: string;
    readonly stub: boolean;
    readonly params: readonly KernelParam[] | null;
    readonly ref: EvidenceRef;
  }[];
  readonly activeGrubCfg: string | null;
  /** Boot files that exist but could not be read (non-root collection). */
  readonly unreadable: readonly { readonly source: string; readonly reason: string; readonly collect: string }[];
  /** Whether any boot file was looked for (collected, or seen to be absent): false for a paste without them. */
  readonly looked: boolean;
}
