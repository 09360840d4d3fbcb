/**
 * Collector output `boot-times`: `btime <epoch>` (from /proc/stat, the boot time) and
 * `now <epoch>` (collection time); further `<label> <epoch>` lines name boot-config mtimes
 * (`mtime <path> <epoch>` as the collector writes them).
 *
 * Sample: test/fixtures/boot-times/this-host.txt, lines 1–2 (verbatim):
 *   btime 1795634848
 *   now 1795635436
 * Output: btime, now and mtimes (path → epoch) with line and text; `uptimeSeconds` = now − btime.
 * Quirks: a config file changed after btime was edited since the last boot (rules compare).
 */

export interface TimeStamp {
  readonly epoch: number;
  readonly line: number;
  readonly text: string;
}

export interface BootTimes {
  readonly btime?: TimeStamp;
  readonly now?: TimeStamp;
  readonly uptimeSeconds?: number;
  readonly mtimes: readonly (TimeStamp & { readonly path: string })[];
  readonly unparsed: readonly { readonly line: number; readonly text: string }[];
}

const EPOCH = /^\d{1,12}$/;

export function parseBootTimes(text: string): BootTimes {
  let btime: TimeStamp | undefined;
  let now: TimeStamp | undefined;
  const mtimes: (TimeStamp & { path: string })[] = [];
  const unparsed: { line: number; text: string }[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const t = rows[i] ?? '';
    if (t.trim() === '') continue;
    const f = t.trim().split(/[ \t]+/);
    const at = { line: i + 1, text: t };
    const last = f[f.length - 1] ?? '';
    if (!EPOCH.test(last)) {
      unparsed.push(at);
      continue;
    }
    if (f[0] === 'btime' && f.length === 2) btime = { epoch: Number(last), ...at };
    else if (f[0] === 'now' && f.length === 2) now = { epoch: Number(last), ...at };
    else if (f[0] === 'mtime' && f.length === 3 && f[1] !== undefined) mtimes.push({ path: f[1], epoch: Number(last), ...at });
    else unparsed.push(at);
  }
  return {
    ...(btime === undefined ? {} : { btime }),
    ...(now === undefined ? {} : { now }),
    ...(btime !== undefined && now !== undefined ? { uptimeSeconds: now.epoch - btime.epoch } : {}),
    mtimes,
    unparsed,
  };
}
