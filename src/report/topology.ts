/**
 * The IOMMU-group picture, laid out from facts and findings: one card per group that matters to
 * passthrough (it holds a target or candidate, a device on vfio-pci, or a device a finding is
 * about), groups with a blocked target first. Which members block a group is what the findings say
 * (group-not-viable names them), never recomputed here, so the picture and the report agree.
 * Groups that hold nothing of interest are not drawn but counted, so a 300-function server stays
 * one readable picture. Each card is laid out by topology-card.ts.
 */
import type { DeviceReadiness } from '../analysis/device-readiness.js';
import type { Finding } from '../engine/finding.js';
import type { PciDevice, PciFacts } from '../facts/model.js';
import { deviceState, groupCard } from './topology-card.js';
import { LAYOUT, type TopologyView } from './topology-view.js';

export { LAYOUT, type TopologyView } from './topology-view.js';

/** The finding that names the members blocking a target's group. */
const GROUP_RULE = 'group-not-viable';

/** Two wide columns when there are few groups to draw, three when there are many. */
const cardWidth = (columns: number): number => (LAYOUT.width - LAYOUT.gap * (columns + 1)) / columns;

interface Group {
  readonly id: string | null;
  readonly members: readonly PciDevice[];
}

export function buildTopology(
  pci: PciFacts | null,
  readiness: readonly DeviceReadiness[],
  findings: readonly Finding[],
  anchorFor: (f: Finding) => string,
): TopologyView | null {
  if (!pci || pci.devices.length === 0) return null;
  const byAddress = new Map(pci.devices.map((d) => [d.address, d]));
  const targets = new Set(readiness.map((r) => r.address));
  const firstFail = new Map<string, string>();
  const mentioned = new Set<string>();
  /** Failing group findings: blocked target → the members that block it. */
  const blockedBy = new Map<string, readonly string[]>();
  for (const f of findings) {
    if (f.subject.kind !== 'device') continue;
    if (f.status === 'fail' || f.status === 'unknown') mentioned.add(f.subject.address);
    if (f.status === 'fail' && !firstFail.has(f.subject.address)) firstFail.set(f.subject.address, anchorFor(f));
    if (f.status === 'fail' && f.ruleId === GROUP_RULE) blockedBy.set(f.subject.address, f.related ?? []);
  }
  const groups = groupsOf(pci, byAddress);
  const interesting = (d: PciDevice): boolean =>
    targets.has(d.address) || deviceState(d) === 'vfio' || d.driverOverride !== null || mentioned.has(d.address);
  const blockersIn = (g: Group): Set<string> => new Set(g.members.flatMap((m) => blockedBy.get(m.address) ?? []));
  const used = (g: Group): boolean => g.members.some((m) => targets.has(m.address) || deviceState(m) === 'vfio');
  // Groups with a blocked target first, then other target groups, then the rest, each by group number.
  const rank = (g: Group): number =>
    g.members.some((m) => blockedBy.has(m.address)) ? 0 : g.members.some((m) => targets.has(m.address)) ? 1 : 2;
  const ordered = groups
    .filter((g) => g.members.some(interesting))
    .map((g, i) => ({ g, i }))
    .sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i)
    .map((x) => x.g);
  const drawn = ordered.slice(0, LAYOUT.maxGroups);
  const notDrawn = groups.filter((g) => !drawn.includes(g));

  const columns = drawn.length <= 4 ? 2 : LAYOUT.columns;
  const width = cardWidth(columns);
  const colHeights: number[] = Array.from({ length: columns }, () => LAYOUT.top);
  const cards = drawn.map((g) => {
    const col = colHeights.indexOf(Math.min(...colHeights));
    const input = {
      id: g.id,
      members: g.members,
      used: used(g),
      blockers: g.id === null ? new Set<string>() : blockersIn(g),
      targets,
      interesting,
      byAddress,
      link: g.members.map((m) => firstFail.get(m.address)).find((a) => a !== undefined) ?? null,
    };
    const card = groupCard(input, LAYOUT.gap + col * (width + LAYOUT.gap), colHeights[col]!, width);
    colHeights[col] = colHeights[col]! + card.height + LAYOUT.gap;
    return card;
  });
  const bottom = Math.max(...colHeights);
  const hiddenDevices = notDrawn.reduce((n, g) => n + g.members.length, 0);
  const collapsed =
    notDrawn.length === 0
      ? null
      : {
          y: bottom + 14,
          text: `${notDrawn.length} more group${notDrawn.length === 1 ? '' : 's'} (${hiddenDevices} device${hiddenDevices === 1 ? '' : 's'}) ${drawn.length < ordered.length ? 'not drawn' : 'hold no target and nothing on vfio-pci'}: see "All PCI devices".`,
        };
  return {
    width: LAYOUT.width,
    height: collapsed ? collapsed.y + 16 : bottom,
    groups: cards,
    collapsed,
    summary: cards.map((c) => `${c.title}: ${c.caption}`).join('. '),
    totalGroups: groups.length,
    totalDevices: pci.devices.length,
  };
}

/** Groups from the listing, by number, plus one pseudo-group for devices the listing does not place. */
function groupsOf(pci: PciFacts, byAddress: ReadonlyMap<string, PciDevice>): Group[] {
  const groups: Group[] = Object.entries(pci.groups)
    .sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, addrs]) => ({ id, members: addrs.flatMap((a) => byAddress.get(a) ?? []) }));
  const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.address)));
  const loose = pci.devices.filter((d) => !placed.has(d.address));
  if (loose.length > 0) groups.push({ id: null, members: loose });
  return groups;
}
