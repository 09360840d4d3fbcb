/**
 * The Cloudpods host service log (evidence ids `host-service-log`, `host-service-kubectl`): the
 * `host` container's output, as `kubectl -n onecloud logs <default-host pod> -c host` prints it,
 * or the kubelet's file under /var/log/pods, whose lines carry a CRI prefix
 * (`<RFC3339 time> stdout|stderr F|P `, kubernetes cri-api "CRI logging format").
 *
 * Sample: test/fixtures/cloudpods/host-log-hugepage-nr0.txt, line 3 (verbatim from a user report):
 * `[fatal 2023-07-13 22:10:02 hostman.(*SHostService).RunService(host_services.go:79)] Host instance init error: Prepare environment: hugepage 1024 nr 0`
 * Output: one record per line with level, time, caller and message; other lines (Go's plain
 * `log` output such as `2023/09/19 02:00:01 Allow hosts []`) keep level null and the whole text as message.
 * Under the docker runtime the kubelet's file links to docker's json-file log, one JSON object per
 * line (`{"log":"[info …] …\n","stream":"stderr","time":"…"}`, docker "JSON File logging driver"):
 * the `log` string is the container's line.
 * Quirks: the first lines of a start use a short date (`[warning 260403 03:47:09 …]`), later ones
 * a long one (`[info 2026-04-03 03:47:09 …]`) — fixture host-log-unknown-keys.txt.
 */
import { splitLines } from './lines.js';

export interface HostServiceLogLine {
  readonly line: number;
  readonly text: string;
  readonly level: 'debug' | 'info' | 'warning' | 'error' | 'fatal' | null;
  readonly time: string | null;
  readonly caller: string | null;
  readonly message: string;
}

const CRI = /^\d{4}-\d\d-\d\dT\S+ (?:stdout|stderr) [FP] /;
const LINE = /^\[(debug|info|warning|error|fatal) (\S+ \d\d:\d\d:\d\d) ([^\s\]]+)\] ?(.*)$/;

export function parseHostServiceLog(text: string): HostServiceLogLine[] {
  return splitLines(text).map((l) => {
    const body = dockerLine(l.text) ?? l.text.replace(CRI, '');
    const m = LINE.exec(body);
    if (!m) return { line: l.line, text: l.text, level: null, time: null, caller: null, message: body };
    return {
      line: l.line,
      text: l.text,
      level: m[1] as HostServiceLogLine['level'],
      time: m[2] ?? null,
      caller: m[3] ?? null,
      message: m[4] ?? '',
    };
  });
}

/** The container's line inside a docker json-file record, or null when the line is not one. */
function dockerLine(text: string): string | null {
  if (!text.startsWith('{"log":"')) return null;
  try {
    const record: unknown = JSON.parse(text);
    const log = typeof record === 'object' && record !== null && 'log' in record ? record.log : null;
    return typeof log === 'string' ? log.replace(/\r?\n$/, '') : null;
  } catch {
    return null;
  }
}
