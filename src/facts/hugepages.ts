/**
 * Huge page pools: per size (and per NUMA node where the collector read them) how many pages are
 * reserved and free, from /sys/kernel/mm/hugepages and /sys/devices/system/node/*\/hugepages.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseHugepages } from '../parsers/hugepages.js';
import { known, type Fact } from './fact.js';
import { fileRef, gapsIn, refTo, unknownFrom, unreadLines } from './evidence-ref.js';
import type { HugepageFacts, HugepagePool } from './model.js';

export function buildHugepages(ev: EvidenceSource): Fact<HugepageFacts> {
  const e = ev.one('hugepages');
  if (!hasText(e))
    return e.status === 'absent' || (e.status === 'ok' && e.text === '')
      ? known({ pools: [] }, [fileRef(e, '(no huge page sizes)')])
      : unknownFrom(e);
  const parsed = parseHugepages(e.text);
  const pools: HugepagePool[] = [];
  for (const c of parsed.counters.filter((x) => x.counter === 'nr_hugepages')) {
    const free = parsed.counters.find((x) => x.counter === 'free_hugepages' && x.sizeKb === c.sizeKb && x.node === c.node);
    pools.push({ sizeKb: c.sizeKb, node: c.node ?? null, total: c.value, free: free?.value ?? null, ref: refTo(e, c) });
  }
  return known({ pools }, pools.map((p) => p.ref).slice(0, 8), [...gapsIn(e), ...unreadLines(e, parsed.unparsed)]);
}
