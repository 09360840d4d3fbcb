/**
 * /proc/cpuinfo (evidence id `cpuinfo`), x86 layout.
 *
 * Sample: test/fixtures/cpuinfo/firecracker-6.18-amd-epyc.txt, lines 1–5 (verbatim):
 *   processor	: 0
 *   vendor_id	: AuthenticAMD
 *   cpu family	: 26
 *   model		: 2
 *   model name	: AMD EPYC
 * Output: the first processor block (every CPU of a host has the same vendor and flags for the
 * rules' purposes): vendorId, modelName, `flags` sorted and de-duplicated, `hypervisor` (the
 * flag the kernel sets when it runs as a guest, as this machine does), `virtualization`
 * (`vmx` Intel VT-x or `svm` AMD-V), the cited lines, and the processor count.
 * Quirks: keys are padded with tabs before the colon (`model\t\t: 2`), so key and value are
 * trimmed; `power management:` has an empty value (fixture, line 26); blocks are separated by a
 * blank line; a line without `:` goes to `unparsed`.
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';

export interface CpuField extends SourceLine {
  readonly value: string;
}

export interface CpuInfo {
  readonly processors: number;
  readonly vendorId?: CpuField;
  readonly modelName?: CpuField;
  /** The `flags` line of the first processor (verbatim) with the flags as a sorted set. */
  readonly flagsLine?: CpuField;
  readonly flags: readonly string[];
  readonly hypervisor: boolean;
  readonly virtualization?: 'vmx' | 'svm';
  /** Every key of the first block. */
  readonly fields: Readonly<Record<string, CpuField>>;
  readonly unparsed: readonly UnparsedLine[];
}

export function parseCpuinfo(text: string): CpuInfo {
  const first: Record<string, CpuField> = {};
  const unparsed: UnparsedLine[] = [];
  let processors = 0;
  let block = 0;
  let inBlock = false;
  for (const l of splitLines(text)) {
    if (l.text.trim() === '') {
      inBlock = false;
      continue;
    }
    if (!inBlock) {
      inBlock = true;
      block += 1;
    }
    const colon = l.text.indexOf(':');
    if (colon <= 0) {
      unparsed.push(l);
      continue;
    }
    const key = l.text.slice(0, colon).trim();
    const value = l.text.slice(colon + 1).trim();
    if (key === 'processor') processors += 1;
    if (block === 1 && !(key in first)) first[key] = { line: l.line, text: l.text, value };
  }
  const flagsLine = first['flags'];
  const flags = flagsLine ? [...new Set(flagsLine.value.split(/\s+/).filter((f) => f !== ''))].sort() : [];
  const has = (f: string): boolean => flags.includes(f);
  const virtualization = has('vmx') ? 'vmx' : has('svm') ? 'svm' : undefined;
  const vendorId = first['vendor_id'];
  const modelName = first['model name'];
  return {
    processors,
    ...(vendorId ? { vendorId } : {}),
    ...(modelName ? { modelName } : {}),
    ...(flagsLine ? { flagsLine } : {}),
    flags,
    hypervisor: has('hypervisor'),
    ...(virtualization ? { virtualization } : {}),
    fields: first,
    unparsed,
  };
}
