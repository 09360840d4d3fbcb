import { defineRule } from '../src/engine/define-rule.js';
import { checkHostServiceLog, restartHostService } from '../src/fixes/cloudpods.js';
import { KNOWN_HOST_SERVICE_ERRORS } from '../src/fixes/cloudpods-log-errors.js';

// One finding per known message of the host service log (patterns and their sources:
// src/fixes/cloudpods-log-errors.ts); [error]/[fatal] lines that match none are listed as unexplained.
export default defineRule({
  id: 'cloudpods-agent-errors',
  title: 'The Cloudpods host service log reports errors',
  severity: 'error',
  tags: ['cloudpods', 'log'],
  source: 'yunionio/cloudpods pkg/hostman (messages named in src/fixes/cloudpods-log-errors.ts)',
  needs: ['cloudpods', 'host'],
  messages: {
    notCloudpods: 'Not a Cloudpods host (no /etc/yunion/host.conf, no host service log).',
    noLog: 'The host service log was not collected: {{reason}}',
    clean: 'The host service log ({{count}} lines) has no error line and none of the known problem messages.',
    known: '{{count}} host service log line(s) say: {{first}} — {{cause}}.',
    unlisted: '{{count}} [error]/[fatal] host service log line(s) match no known message, first: {{first}}',
  },
  check({ cloudpods, host }, r) {
    const cp = cloudpods.value;
    if (!cp.detected) return r.skip('notCloudpods', {});
    if (cp.log === null)
      return r.unknown('noLog', { reason: 'no /var/log/pods/onecloud_default-host-*/host/*.log and no kubectl output in the bundle' }, [
        'kubectl -n onecloud logs <default-host pod> -c host --tail=20000',
      ]);
    const log = cp.log;
    const out = KNOWN_HOST_SERVICE_ERRORS.flatMap((k) => {
      const lines = log.filter((l) => k.match.test(l.message));
      if (lines.length === 0) return [];
      const first = lines[0]!;
      return [
        r.fail(
          'known',
          { count: lines.length, first: first.message.slice(0, 240), cause: k.cause },
          lines.slice(0, 20).map((l) => l.ref),
          { summary: `Host service log: ${k.id}`, steps: k.steps(host.value, first.message) },
          k.severity === 'warning'
            ? { severity: 'warning', severityReason: 'the host service keeps running; the setting is only ignored' }
            : {},
        ),
      ];
    });
    const unlisted = log.filter(
      (l) => (l.level === 'error' || l.level === 'fatal') && !KNOWN_HOST_SERVICE_ERRORS.some((k) => k.match.test(l.message)),
    );
    if (unlisted.length > 0)
      out.push(
        r.fail(
          'unlisted',
          { count: unlisted.length, first: unlisted[0]!.message.slice(0, 240) },
          unlisted.slice(0, 20).map((l) => l.ref),
          {
            summary: 'Read the unexplained host service errors in context',
            steps: [checkHostServiceLog('the lines before each error name the operation that failed'), ...restartHostService()],
          },
          { severity: 'warning', severityReason: 'not a message ptdoctor can explain; shown so it is not missed' },
        ),
      );
    if (out.length === 0) return r.pass('clean', { count: log.length }, cloudpods.evidence);
    return out;
  },
});
