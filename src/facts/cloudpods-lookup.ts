/**
 * Small pure helpers over the Cloudpods facts: host.conf values by key (structarg treats `-` and `_`
 * alike, vendor/yunion.io/x/structarg/structarg.go keyToToken) and the host service's log events
 * by catalogue entry (src/log-catalog/cloudpods-*.ts).
 */
import { normaliseHostConfKey } from './cloudpods-host-options.js';
import type { EvidenceRef, Fact } from './fact.js';
import type { LogEvent, LogEventFacts } from './log-events.js';
import type { CloudpodsFacts, HostConfSetting } from './model.js';

/** The first entry for `key` (in the `_` spelling). */
export function hostConfSetting(cp: Pick<CloudpodsFacts, 'hostConf'>, key: string): HostConfSetting | undefined {
  return cp.hostConf?.find((s) => normaliseHostConfKey(s.key) === key);
}

/** The lines of the host service's log events of these catalogue entries (that also pass `where`). */
export function hostServiceLines(
  logEvents: Fact<LogEventFacts>,
  ids: readonly string[],
  where: (e: LogEvent) => boolean = () => true,
): EvidenceRef[] {
  if (logEvents.state !== 'known') return [];
  return logEvents.value.events.filter((e) => e.origin === 'cloudpods-host' && ids.includes(e.id) && where(e)).flatMap((e) => e.refs);
}
