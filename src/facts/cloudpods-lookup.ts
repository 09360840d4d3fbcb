/**
 * Small pure helpers over the Cloudpods facts: host.conf values by key (structarg treats `-` and `_`
 * alike, vendor/yunion.io/x/structarg/structarg.go keyToToken) and host service log lines by text.
 */
import { normaliseHostConfKey } from './cloudpods-host-options.js';
import type { CloudpodsFacts, CloudpodsLogLine, HostConfSetting } from './model.js';

/** The first entry for `key` (in the `_` spelling). */
export function hostConfSetting(cp: Pick<CloudpodsFacts, 'hostConf'>, key: string): HostConfSetting | undefined {
  return cp.hostConf?.find((s) => normaliseHostConfKey(s.key) === key);
}

export function logLinesWith(cp: CloudpodsFacts, ...needles: string[]): CloudpodsLogLine[] {
  return (cp.log ?? []).filter((l) => needles.some((n) => l.message.includes(n)));
}
