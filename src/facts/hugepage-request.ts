/**
 * Huge pages the kernel command line asks for, per page size, read the way mm/hugetlb.c reads
 * them (Documentation/admin-guide/kernel-parameters.txt): `hugepages=N` counts pages of the
 * size named by the preceding `hugepagesz=`; when it is the first HugeTLB parameter it counts
 * pages of the default size (`default_hugepagesz=`, else 2 MiB on x86). `hugepages=0:1,1:2` is the
 * per-node form (pages summed here).
 */
import type { KernelParam } from './model.js';

export interface HugepageRequest {
  readonly sizeKb: number;
  readonly count: number;
  readonly raw: string;
  /** The `hugepagesz=` argument the count follows, as written; null when the size is the default. */
  readonly sizeRaw: string | null;
}

const X86_DEFAULT_KB = 2048;

function parseSizeKb(text: string): number | null {
  const m = /^(\d+)([KMG]?)$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toUpperCase();
  if (unit === 'G') return n * 1024 * 1024;
  if (unit === 'M') return n * 1024;
  if (unit === 'K') return n;
  return Math.floor(n / 1024);
}

function parseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const nodes = text.split(',').map((p) => /^\d+:(\d+)$/.exec(p));
  return nodes.every((m) => m !== null) ? nodes.reduce((s, m) => s + Number(m?.[1]), 0) : null;
}

export function hugepageRequests(params: readonly KernelParam[]): HugepageRequest[] {
  const def = params.find((p) => p.key === 'default_hugepagesz');
  const defaultKb = (def?.value ? parseSizeKb(def.value) : null) ?? X86_DEFAULT_KB;
  let current: number | null = null;
  let currentRaw: string | null = null;
  const out = new Map<number, HugepageRequest>();
  for (const p of params) {
    if (p.key === 'hugepagesz' && p.value) {
      current = parseSizeKb(p.value);
      currentRaw = p.raw;
    }
    if (p.key !== 'hugepages' || p.value === null) continue;
    const count = parseCount(p.value);
    const sizeKb = current ?? defaultKb;
    if (count === null) continue;
    const prev = out.get(sizeKb);
    out.set(sizeKb, { sizeKb, count, raw: prev ? `${prev.raw} ${p.raw}` : p.raw, sizeRaw: current === null ? null : currentRaw });
  }
  return [...out.values()];
}

export function sizeLabel(kb: number): string {
  return kb >= 1048576 ? `${kb / 1048576} GiB` : kb >= 1024 ? `${kb / 1024} MiB` : `${kb} KiB`;
}
