/**
 * Kernel build configuration lines (evidence id `kernel-config`): the collector greps the IOMMU,
 * VFIO and KVM lines of /boot/config-$(uname -r) (or /proc/config.gz) and writes the file it read
 * on a first `# source: <path>` line.
 *
 * Sample: test/fixtures/kernel-config/firecracker-6.18.txt, lines 1–3 (verbatim):
 *   # source: /proc/config.gz
 *   CONFIG_KVM_GUEST=y
 *   # CONFIG_GART_IOMMU is not set
 * Output: `options` name → {value, line, text} where value is 'y', 'm', 'n' (from `# … is not
 * set`), a string (quotes removed) or a number as written; `source` from the first line.
 * Quirks: section comments such as `# Generic IOMMU Pagetable Support` are neither options nor
 * errors and are skipped (fixture, line 43); a later definition of the same option wins, as in
 * Kconfig; other lines go to `unparsed`.
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface KernelConfigOption {
  readonly line: number;
  readonly text: string;
  readonly value: string;
}

export interface KernelConfig {
  readonly source?: { readonly line: number; readonly text: string; readonly path: string };
  readonly options: Readonly<Record<string, KernelConfigOption>>;
  readonly unparsed: readonly UnparsedLine[];
}

const SET = /^(CONFIG_\w{1,128})=(.*)$/;
const NOT_SET = /^# (CONFIG_\w{1,128}) is not set$/;

export function parseKernelConfig(text: string): KernelConfig {
  const options: Record<string, KernelConfigOption> = Object.create(null) as Record<string, KernelConfigOption>;
  const unparsed: UnparsedLine[] = [];
  let source: KernelConfig['source'];
  for (const l of splitLines(text)) {
    const t = l.text.trim();
    if (t === '') continue;
    if (source === undefined && t.startsWith('# source:')) {
      source = { line: l.line, text: l.text, path: t.slice(9).trim() };
      continue;
    }
    const s = SET.exec(t);
    if (s && s[1] && s[2] !== undefined) {
      let v = s[2];
      if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
      options[s[1]] = { line: l.line, text: l.text, value: v };
      continue;
    }
    const n = NOT_SET.exec(t);
    if (n && n[1]) {
      options[n[1]] = { line: l.line, text: l.text, value: 'n' };
      continue;
    }
    if (t.startsWith('#')) continue;
    unparsed.push(l);
  }
  return { ...(source ? { source } : {}), options, unparsed };
}

/** 'y', 'm', 'n' or the string value; undefined when the option is not in the evidence. */
export function configValue(cfg: Pick<KernelConfig, 'options'>, name: string): string | undefined {
  return cfg.options[name]?.value;
}
