/**
 * Collector output `hugepages`: `<sysfs path> <value>` lines for
 * /sys/kernel/mm/hugepages/hugepages-<N>kB/{nr,free}_hugepages and the per-node files under
 * /sys/devices/system/node/node<K>/hugepages/hugepages-<N>kB/.
 *
 * Sample: test/fixtures/hugepages/two-mb-pool.txt, lines 1–2 (verbatim):
 *   /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages 0
 *   /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 0
 * Output: one record per line: page size in kB, node (undefined for the global pool), counter
 * name (nr_hugepages, free_hugepages, …), value; plus `pools`, the global nr/free per size.
 * Quirks: a pool of size 0 is normal (fixture).
 */
import { splitLines, type UnparsedLine } from './lines.js';

export interface HugepageCounter {
  readonly sizeKb: number;
  readonly node?: number;
  readonly counter: string;
  readonly value: number;
  readonly line: number;
  readonly text: string;
}

export interface Hugepages {
  readonly counters: readonly HugepageCounter[];
  readonly pools: readonly { readonly sizeKb: number; readonly nr?: number; readonly free?: number }[];
  readonly unparsed: readonly UnparsedLine[];
}

const GLOBAL = /^\/sys\/kernel\/mm\/hugepages\/hugepages-(\d{1,12})kB\/([a-z_]{1,40})$/;
const NODE = /^\/sys\/devices\/system\/node\/node(\d{1,6})\/hugepages\/hugepages-(\d{1,12})kB\/([a-z_]{1,40})$/;

export function parseHugepages(text: string): Hugepages {
  const counters: HugepageCounter[] = [];
  const unparsed: UnparsedLine[] = [];
  for (const at of splitLines(text)) {
    const t = at.text;
    if (t.trim() === '') continue;
    const sp = t.lastIndexOf(' ');
    const path = t.slice(0, sp);
    const val = t.slice(sp + 1);
    if (sp < 0 || path.length > 200 || !/^\d{1,20}$/.test(val)) {
      unparsed.push(at);
      continue;
    }
    const g = GLOBAL.exec(path);
    const n = g === null ? NODE.exec(path) : null;
    if (g !== null) counters.push({ sizeKb: Number(g[1]), counter: g[2] ?? '', value: Number(val), ...at });
    else if (n !== null) counters.push({ sizeKb: Number(n[2]), node: Number(n[1]), counter: n[3] ?? '', value: Number(val), ...at });
    else unparsed.push(at);
  }
  const sizes = [...new Set(counters.filter((c) => c.node === undefined).map((c) => c.sizeKb))].sort((a, b) => a - b);
  const pools = sizes.map((sizeKb) => {
    const nr = counters.find((c) => c.node === undefined && c.sizeKb === sizeKb && c.counter === 'nr_hugepages')?.value;
    const free = counters.find((c) => c.node === undefined && c.sizeKb === sizeKb && c.counter === 'free_hugepages')?.value;
    return { sizeKb, ...(nr === undefined ? {} : { nr }), ...(free === undefined ? {} : { free }) };
  });
  return { counters, pools, unparsed };
}
