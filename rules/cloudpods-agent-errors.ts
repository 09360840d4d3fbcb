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
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman (messages named in src/fixes/cloudpods-log-errors.ts)',
  needs: ['cloudpods', 'host'],
  optional: ['logEvents'],
  messages: {
    noLog: 'The host service log was not collected: {{reason}}',
    clean: 'The host service log ({{count}} lines) has no error line and none of the known problem messages.',
    known: '{{count}} host service log line(s) say: {{first}} — {{cause}}.',
    unlisted: '{{count}} [error]/[fatal] host service log line(s) match no known message, first: {{first}}',
  },
  check({ cloudpods, host, logEvents }, r) {
    const cp = cloudpods.value;
    if (cp.log === null || logEvents.state === 'unknown')
      return r.unknown('noLog', { reason: 'no /var/log/pods/onecloud_default-host-*/host/*.log and no kubectl output in the bundle' }, [
        'kubectl -n onecloud logs <default-host pod> -c host --tail=20000',
      ]);
    const hostEvents = logEvents.value.events.filter((e) => e.origin === 'cloudpods-host');
    const out = KNOWN_HOST_SERVICE_ERRORS.flatMap((k) => {
      const hits = hostEvents.filter(
        (e) => k.entries.includes(e.id) && (k.valueHolds === undefined || (e.value ?? '').includes(k.valueHolds)),
      );
      const first = hits[0];
      if (!first) return [];
      const refs = hits.flatMap((e) => e.refs);
      return [
        r.fail(
          'known',
          { count: hits.reduce((n, e) => n + e.count, 0), first: (refs[0]?.text ?? '').slice(0, 240), cause: k.cause },
          refs.slice(0, 20),
          { summary: `Host service log: ${k.id}`, steps: k.steps(host.value, first.id) },
          k.severity === 'warning'
            ? { severity: 'warning', severityReason: 'the host service keeps running; the setting is only ignored' }
            : {},
        ),
      ];
    });
    const unlisted = logEvents.value.unmatchedErrors;
    if (unlisted.count > 0)
      out.push(
        r.fail(
          'unlisted',
          { count: unlisted.count, first: (unlisted.lines[0]?.text ?? '').slice(0, 240) },
          unlisted.lines.slice(0, 20),
          {
            summary: 'Read the unexplained host service errors in context',
            steps: [checkHostServiceLog('the lines before each error name the operation that failed'), ...restartHostService()],
          },
          { severity: 'warning', severityReason: 'not a message ptdoctor can explain; shown so it is not missed' },
        ),
      );
    if (out.length === 0) return r.pass('clean', { count: cp.log.length }, cloudpods.evidence);
    return out;
  },
});
