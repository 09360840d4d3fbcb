import { defineRule } from '../src/engine/define-rule.js';

// Lines the message catalogue (src/log-catalog) does not know but that name a target device, vfio or
// the IOMMU: never dropped. Those that speak of a failure (decided in src/facts/log-events.ts) are
// listed for a person to read; the rest are counted.
export default defineRule({
  id: 'log-lines-unexplained',
  title: 'Log lines about the devices or the IOMMU that no known message explains',
  severity: 'info',
  tags: ['log'],
  source: 'The message catalogue: src/log-catalog',
  needs: ['logEvents'],
  messages: {
    none: 'Every log line that names a target device, vfio or the IOMMU and speaks of a failure is a known message ({{count}} other line(s) name them without a failure).',
    unexplained:
      '{{count}} log line(s) name a target device, vfio or the IOMMU, speak of a failure, and match no known message; first: "{{first}}". Read them in context.',
  },
  check({ logEvents }, r) {
    const failing = logEvents.value.unexplained;
    if (failing.length === 0)
      return r.pass('none', { count: logEvents.value.unexplainedCount }, logEvents.evidence, {
        despiteGaps: 'only the lines in the bundle can be unexplained',
      });
    return r.fail('unexplained', { count: failing.length, first: (failing[0]?.text ?? '').slice(0, 200) }, failing.slice(0, 10), {
      summary: 'Read the unexplained lines in the full log',
      steps: [
        {
          kind: 'run',
          command: 'journalctl -k -b --no-pager | grep -i -e vfio -e iommu -e dmar -e amd-vi -e smmu',
          why: 'the lines around each one say which operation failed',
        },
      ],
    });
  },
});
