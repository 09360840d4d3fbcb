import { defineRule } from '../src/engine/define-rule.js';
import { evidenceGaps } from '../src/facts/evidence-gaps.js';
import { recollect } from '../src/fixes/recollect.js';

export default defineRule({
  id: 'evidence-incomplete',
  title: 'Some evidence could not be collected',
  severity: 'info',
  tags: ['evidence'],
  source: 'Issue catalog: items not collected (denied, missing, timed out)',
  needs: ['collection'],
  optional: ['kernelLog', 'cmdline', 'firmwareIommu', 'kernelIommu', 'interruptRemapping', 'modules', 'bootConfig', 'pci', 'cpu'],
  messages: {
    complete: 'Every item the collector looks for was collected or is absent on the host.',
    incomplete: '{{count}} item(s) could not be collected ({{items}}){{unknown}}.',
  },
  check(facts, r) {
    const c = facts.collection.value;
    const gaps = evidenceGaps(c, facts);
    const lost = c.lost ? [{ id: 'archive', source: c.lost, status: 'lost' }] : [];
    // Without a manifest what was tried is unknown; a sosreport has none by design, so that is no problem there.
    if (!c.hasManifest && c.layout !== 'sosreport')
      lost.push({ id: 'manifest', source: 'manifest.json', status: c.manifestProblem ?? 'missing' });
    // Evidence given by hand lists only what was given: what it lacks is counted, not listed one by one.
    const notGiven =
      c.layout === 'loose' && c.notAttempted.length > 0
        ? [{ id: 'not-given', source: `${c.notAttempted.length} other evidence items`, status: 'not given' }]
        : c.notAttempted;
    const items = [...gaps.items, ...lost, ...notGiven];
    if (items.length === 0 && c.skippedEntries === 0) return r.pass('complete', {}, facts.collection.evidence);
    const listed = items
      .map((i) => `${i.source}: ${i.status}`)
      .concat(c.skippedEntries > 0 ? [`${c.skippedEntries} archive entries refused`] : []);
    const unknown = gaps.unknownChecks.length > 0 ? `; unknown as a result: ${gaps.unknownChecks.map((u) => u.checks).join('; ')}` : '';
    const evidence = items.map((i) => ({ evidence: i.id, source: i.source, text: i.status }));
    // For evidence given by hand, missing pieces are expected: say what they leave unknown, without alarm.
    const important = gaps.unknownChecks.length > 0 && c.layout !== 'loose';
    return r.fail(
      'incomplete',
      { count: listed.length, items: listed.join(', '), unknown },
      evidence.length > 0 ? evidence : facts.collection.evidence,
      recollect(
        gaps.needsRoot,
        items.filter((i) => i.status === 'no-command').map((i) => i.source),
      ),
      important
        ? { severity: 'warning', severityReason: 'checks that decide whether passthrough can work are unknown without this evidence' }
        : {},
    );
  },
});
