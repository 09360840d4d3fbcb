/**
 * What the collector could not collect, from the manifest, plus what reading the archive lost.
 * Always known: it describes the bundle itself.
 */
import type { Manifest } from '../bundle/manifest.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { known, type Fact } from './fact.js';
import type { CollectionFacts } from './model.js';

/** The collector version the loose-evidence reader writes into the manifest it builds (src/loose). */
const LOOSE_EVIDENCE = 'loose evidence';

const PROBLEM = new Set(['denied', 'no-command', 'timeout', 'error', 'truncated', 'lost']);

export function buildCollection(
  ev: EvidenceSource,
  manifest: Manifest | null,
  manifestProblem: string | null,
  skippedEntries: number,
  lost: string | null,
): Fact<CollectionFacts> {
  const inventory = ev.items.map((i) => ({ id: i.id, source: i.source, status: i.status }));
  const loose = manifest?.collector.version === LOOSE_EVIDENCE;
  return known(
    {
      hasManifest: manifest !== null,
      layout: loose ? 'loose' : ev.layout,
      notAttempted: ev.notAttempted.map((s) => ({ id: s.id, source: s.source, status: 'not collected' })),
      manifestProblem,
      uid: manifest?.uid ?? null,
      collector: manifest ? `${manifest.collector.kind} ${manifest.collector.version}` : null,
      inventory,
      problems: inventory.filter((i) => PROBLEM.has(i.status)),
      skippedEntries,
      lost,
    },
    [{ evidence: 'manifest', source: 'manifest.json', text: manifest ? `${inventory.length} items` : (manifestProblem ?? 'no manifest') }],
  );
}
