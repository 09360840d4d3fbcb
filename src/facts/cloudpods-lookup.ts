/**
 * Small pure helpers over the Cloudpods facts: host.conf values by key (structarg treats `-` and `_`
 * alike, vendor/yunion.io/x/structarg/structarg.go keyToToken) and host service log lines by text.
 */
import type { CloudpodsFacts, CloudpodsLogLine, HostConfSetting } from './model.js';

export function hostConfSetting(cp: CloudpodsFacts, key: string): HostConfSetting | undefined {
  return cp.hostConf?.find((s) => s.key.replace(/-/g, '_') === key);
}

export function logLinesWith(cp: CloudpodsFacts, ...needles: string[]): CloudpodsLogLine[] {
  return (cp.log ?? []).filter((l) => needles.some((n) => l.message.includes(n)));
}
