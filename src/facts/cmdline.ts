/**
 * The running kernel's command line (/proc/cmdline). Keys are normalised the way the kernel
 * matches module parameters (`vfio-pci.ids` = `vfio_pci.ids`); plain `__setup` keys such as
 * `intel_iommu` are kept as written, so a misspelling stays visible.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseCmdline } from '../parsers/cmdline.js';
import { known, unknown, type Fact } from './fact.js';
import { gapsIn, refTo, unknownFrom } from './evidence-ref.js';
import type { CmdlineFacts, KernelParam } from './model.js';

export function buildCmdline(ev: EvidenceSource): Fact<CmdlineFacts> {
  const e = ev.one('cmdline');
  if (!hasText(e)) return unknownFrom(e);
  const parsed = parseCmdline(e.text);
  if (parsed.params.length === 0) return unknown('/proc/cmdline is empty', ['cat /proc/cmdline']);
  const ref = refTo(e, { line: parsed.line, text: parsed.text });
  return known({ params: parsed.params.map(toKernelParam), ref }, [ref], gapsIn(e));
}

export function toKernelParam(p: { normKey: string; value: string | null; raw: string }): KernelParam {
  return { key: p.normKey, value: p.value, raw: p.raw };
}

/** The last value given for a key (the kernel applies parameters in order). */
export function paramValue(params: readonly KernelParam[], key: string): KernelParam | undefined {
  for (let i = params.length - 1; i >= 0; i -= 1) if ((params[i] as KernelParam).key === key) return params[i];
  return undefined;
}
