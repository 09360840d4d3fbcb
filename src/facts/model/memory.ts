/** Huge page pools. */
import type { EvidenceRef } from '../fact.js';

export interface HugepagePool {
  readonly sizeKb: number;
  readonly node: number | null;
  readonly total: number;
  readonly free: number | null;
  readonly ref: EvidenceRef;
}

export interface HugepageFacts {
  readonly pools: readonly HugepagePool[];
}
