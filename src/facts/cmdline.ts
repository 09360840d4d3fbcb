/**
 * The running kernel's command line: /proc/cmdline, or else the kernel log's own copy of it
 * (`Command line: …`, printed by x86 setup_arch at [0.000000]; `Kernel command line: …`, printed by
 * start_kernel on every architecture), which is what a pasted ticket often has instead. Keys are
 * normalised the way the kernel matches module parameters (`vfio-pci.ids` = `vfio_pci.ids`); plain
 * `__setup` keys such as `intel_iommu` are kept as written, so a misspelling stays visible.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseCmdline, parseCmdlineString } from '../parsers/cmdline.js';
import { known, unknown, type Fact } from './fact.js';
import { gapsIn, refTo, unknownFrom } from './evidence-ref.js';
import { logRef } from './kernel-log.js';
import type { CmdlineFacts, KernelLogFacts, KernelParam } from './model.js';

const LOG_PREFIXES = ['Command line: ', 'Kernel command line: '];

export function buildCmdline(ev: EvidenceSource, log: Fact<KernelLogFacts>): Fact<CmdlineFacts> {
  const e = ev.one('cmdline');
  if (!hasText(e)) return fromKernelLog(log) ?? unknownFrom(e);
  const parsed = parseCmdline(e.text);
  if (parsed.params.length === 0) return fromKernelLog(log) ?? unknown('/proc/cmdline is empty', ['cat /proc/cmdline']);
  const ref = refTo(e, { line: parsed.line, text: parsed.text });
  const cut = parsed.cut
    ? [{ source: e.source, why: 'is longer than 64 KiB: only the parameters before the cut were read', collect: ['cat /proc/cmdline'] }]
    : [];
  return known({ params: parsed.params.map(toKernelParam), ref }, [ref], [...gapsIn(e), ...cut]);
}

/** The command line as the kernel logged it at boot: the same parameters /proc/cmdline shows. */
function fromKernelLog(log: Fact<KernelLogFacts>): Fact<CmdlineFacts> | null {
  if (log.state !== 'known') return null;
  for (const prefix of LOG_PREFIXES) {
    const line = log.value.lines.find((l) => l.message.startsWith(prefix));
    if (!line) continue;
    const params = parseCmdlineString(line.message.slice(prefix.length), line.line).params;
    if (params.length === 0) continue;
    const ref = logRef(log.value, line);
    return known({ params: params.map(toKernelParam), ref }, [ref]);
  }
  return null;
}

export function toKernelParam(p: { normKey: string; value: string | null; raw: string }): KernelParam {
  return { key: p.normKey, value: p.value, raw: p.raw };
}

/** The last value given for a key (the kernel applies parameters in order). */
export function paramValue(params: readonly KernelParam[], key: string): KernelParam | undefined {
  for (let i = params.length - 1; i >= 0; i -= 1) if ((params[i] as KernelParam).key === key) return params[i];
  return undefined;
}
