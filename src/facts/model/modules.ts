/** Loaded modules and the module configuration (modprobe.d, modules-load.d, the initramfs lists). */
import type { EvidenceRef } from '../fact.js';

export interface ModuleFacts {
  /** Loaded modules, names normalised with `_`. */
  readonly loaded: readonly string[];
  /** Built into the kernel (in /sys/module, not in /proc/modules); empty when /sys/module was not collected. */
  readonly builtin: readonly string[];
  /** The line that shows each module (a /proc/modules line, or its /sys/module entry). */
  readonly refs: Readonly<Record<string, EvidenceRef>>;
}

export interface ModprobeDirective {
  readonly kind: 'options' | 'softdep' | 'blacklist' | 'install' | 'alias' | 'remove';
  /** Module name with `-` folded to `_`. */
  readonly module: string;
  /** `options` parameters. */
  readonly params: readonly { readonly key: string; readonly value: string | null }[];
  /** `softdep … pre:` modules (folded). */
  readonly pre: readonly string[];
  /** `install`/`remove` command, verbatim. */
  readonly command: string | null;
  readonly ref: EvidenceRef;
}

export interface BootModuleEntry {
  readonly module: string;
  /** modules-load.d, /etc/modules, dracut, initramfs-tools */
  readonly via: 'modules-load-d' | 'etc-modules' | 'dracut' | 'initramfs-tools';
  readonly ref: EvidenceRef;
}

export interface ModuleConfigFacts {
  readonly modprobe: readonly ModprobeDirective[];
  readonly loadAtBoot: readonly BootModuleEntry[];
}
