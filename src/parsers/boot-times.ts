/**
 * Collector output `boot-times`: `btime <epoch>` (from /proc/stat, the boot time) and
 * `now <epoch>` (collection time), as src/collector/collect.sh gen_boot_times writes them.
 *
 * Sample: test/fixtures/boot-times/this-host.txt, lines 1–2 (verbatim):
 *   btime 1795634848
 *   now 1795635436
 * Output: btime and now with line and text; `uptimeSeconds` = now − btime.
 * Quirks: btime is absent when /proc/stat was unreadable (the collector then writes only `now`).
 */
import { fields, splitLines, type UnparsedLine } from './lines.js';

export interface TimeStamp {
  readonly epoch: number;
  readonly line: number;
  readonly text: string;
}

export interface BootTimes {
  readonly btime?: TimeStamp;
  readonly now?: TimeStamp;
  readonly uptimeSeconds?: number;
  readonly unparsed: readonly UnparsedLine[];
}

const EPOCH = /^\d{1,12}$/;

export function parseBootTimes(text: string): BootTimes {
  let btime: TimeStamp | undefined;
  let now: TimeStamp | undefined;
  const unparsed: UnparsedLine[] = [];
  for (const at of splitLines(text)) {
    if (at.text.trim() === '') continue;
    const f = fields(at.text);
    const last = f[f.length - 1] ?? '';
    if (!EPOCH.test(last)) {
      unparsed.push(at);
      continue;
    }
    if (f[0] === 'btime' && f.length === 2) btime = { epoch: Number(last), ...at };
    else if (f[0] === 'now' && f.length === 2) now = { epoch: Number(last), ...at };
    else unparsed.push(at);
  }
  return {
    ...(btime === undefined ? {} : { btime }),
    ...(now === undefined ? {} : { now }),
    ...(btime !== undefined && now !== undefined ? { uptimeSeconds: now.epoch - btime.epoch } : {}),
    unparsed,
  };
}
