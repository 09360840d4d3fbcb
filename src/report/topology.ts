/**
 * The IOMMU-group picture, laid out from facts: one card per group that matters to passthrough
 * (it holds a target or candidate, a device on vfio-pci, or a device a finding is about), devices
 * inside indented under their bridges, every device coloured by its driver state, targets
 * outlined, and the members that make a target's group unusable marked. Groups that hold nothing
 * of interest are not drawn but counted, so a 300-function server stays one readable picture.
 *
 * This module only computes coordinates and plain strings; templates/partials/topology.html.hbs
 * draws them with escaped `{{…}}` expressions, so bundle text can never become markup.
 */
import type { DeviceReadiness } from '../analysis/device-readiness.js';
import type { Finding } from '../engine/finding.js';
import type { PciDevice, PciFacts } from '../facts/model.js';
import { blocksGroup, isBridge, isVfioDriver } from '../facts/pci.js';
import { visibleLine } from './visible-text.js';

export type DeviceState = 'vfio' | 'host' | 'none' | 'bridge';

export interface TopoDevice {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly address: string;
  readonly label: string;
  /** The whole name (the label is clipped to fit the card). */
  readonly name: string;
  readonly title: string;
  readonly detail: string;
  readonly state: DeviceState;
  readonly isTarget: boolean;
  readonly isBlocker: boolean;
}

export interface TopoGroup {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly caption: string;
  /** `blocked`: holds a target or vfio-pci device and an endpoint on a host driver; `viable`: holds one and none; `plain`: host devices only. */
  readonly status: 'blocked' | 'viable' | 'plain';
  readonly devices: readonly TopoDevice[];
  readonly more: string | null;
  readonly moreY: number;
  /** Anchor of the first failing finding about a member, when there is one. */
  readonly link: string | null;
}

export interface TopologyView {
  readonly width: number;
  readonly height: number;
  readonly groups: readonly TopoGroup[];
  /** One line that counts what is not drawn, or null when everything is. */
  readonly collapsed: { readonly y: number; readonly text: string } | null;
  /** Plain-text summary for screen readers (the SVG's <desc>). */
  readonly summary: string;
  readonly totalGroups: number;
  readonly totalDevices: number;
}

export const LAYOUT = { width: 960, columns: 3, gap: 16, top: 44, head: 50, row: 36, indent: 14, maxRows: 10, maxGroups: 24 } as const;
/** Two wide columns when there are few groups to draw, three when there are many. */
const cardWidth = (columns: number): number => (LAYOUT.width - LAYOUT.gap * (columns + 1)) / columns;
/** Characters that fit in a width at the report's 12px sans-serif (about 6.6px each, 7.4 bold, seen in Chromium screenshots). */
const fits = (px: number, bold = false): number => Math.floor(px / (bold ? 7.6 : 6.8));

function deviceState(d: Pick<PciDevice, 'classCode' | 'driver'>): DeviceState {
  if (isBridge(d)) return 'bridge';
  if (d.driver === null) return 'none';
  if (isVfioDriver(d.driver)) return 'vfio';
  return 'host';
}

/** 0000:03:01.0 → 03:01.0 in domain 0, the way lspci prints it. */
function shortAddress(a: string): string {
  return a.startsWith('0000:') ? a.slice(5) : a;
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
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
  for (const f of findings) {
    if (f.subject.kind !== 'device') continue;
    if (f.status === 'fail' || f.status === 'unknown') mentioned.add(f.subject.address);
    if (f.status === 'fail' && !firstFail.has(f.subject.address)) firstFail.set(f.subject.address, anchorFor(f));
  }
  // Groups from the listing, plus one pseudo-group for devices the listing does not place.
  const groups: { id: string | null; members: PciDevice[] }[] = Object.entries(pci.groups)
    .sort(([a], [b]) => Number(a) - Number(b) || a.localeCompare(b))
    .map(([id, addrs]) => ({ id, members: addrs.flatMap((a) => byAddress.get(a) ?? []) }));
  const placed = new Set(groups.flatMap((g) => g.members.map((m) => m.address)));
  const loose = pci.devices.filter((d) => !placed.has(d.address));
  if (loose.length > 0) groups.push({ id: null, members: loose });

  const interesting = (d: PciDevice): boolean =>
    targets.has(d.address) || deviceState(d) === 'vfio' || d.driverOverride !== null || mentioned.has(d.address);
  const shown = groups.filter((g) => g.members.some(interesting));
  // Groups with a blocked target first, then other target groups, then the rest, each by group number.
  const rank = (g: (typeof groups)[number]): number => {
    const hasTarget = g.members.some((m) => targets.has(m.address));
    const blocked = isUsed(g.members, targets) && g.members.some((m) => blocksGroup(m) && !targets.has(m.address));
    return blocked ? 0 : hasTarget ? 1 : 2;
  };
  const ordered = shown
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
    const card = groupCard(
      g.id,
      g.members,
      targets,
      interesting,
      byAddress,
      firstFail,
      LAYOUT.gap + col * (width + LAYOUT.gap),
      colHeights[col]!,
      width,
    );
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

/** A group is in use for passthrough when a target or a vfio-pci device is in it. */
function isUsed(members: readonly PciDevice[], targets: ReadonlySet<string>): boolean {
  return members.some((m) => targets.has(m.address) || deviceState(m) === 'vfio');
}

function groupCard(
  id: string | null,
  members: readonly PciDevice[],
  targets: ReadonlySet<string>,
  interesting: (d: PciDevice) => boolean,
  byAddress: ReadonlyMap<string, PciDevice>,
  firstFail: ReadonlyMap<string, string>,
  x: number,
  y: number,
  cardWidth: number,
): TopoGroup {
  const used = isUsed(members, targets);
  const blockers = used && id !== null ? members.filter((m) => blocksGroup(m) && !targets.has(m.address)) : [];
  const inGroup = new Set(members.map((m) => m.address));
  const depth = (d: PciDevice): number => Math.min(3, d.parents.filter((p) => inGroup.has(p)).length);
  // Keep the tree order (a bridge before what sits behind it) by sorting on the path from the root.
  const path = (d: PciDevice): string =>
    [...d.parents]
      .reverse()
      .filter((p) => inGroup.has(p))
      .concat(d.address)
      .join('/');
  const sorted = [...members].sort((a, b) => path(a).localeCompare(path(b)));
  // Which rows a crowded group keeps: targets, then other devices of interest, then the members
  // that block it, then anything up to maxRows; drawn in tree order.
  const priority = (d: PciDevice): number => (targets.has(d.address) ? 0 : interesting(d) ? 1 : blockers.includes(d) ? 2 : 3);
  const byPriority = [...sorted].sort((a, b) => priority(a) - priority(b));
  // Devices outside any group are all unusable alike: only the ones of interest and the bridges above them are drawn.
  const fill = id === null ? 0 : LAYOUT.maxRows;
  const keep = new Set(byPriority.filter((d, i) => (priority(d) < 3 ? i < 2 * LAYOUT.maxRows : i < fill)).map((d) => d.address));
  for (const a of [...keep]) for (const p of byAddress.get(a)?.parents ?? []) if (inGroup.has(p)) keep.add(p);
  const rows = sorted.filter((d) => keep.has(d.address));
  const hidden = sorted.filter((d) => !rows.includes(d));
  const devices: TopoDevice[] = rows.map((d, i) => {
    const state = deviceState(d);
    const isBlocker = blockers.includes(d);
    const isTarget = targets.has(d.address);
    const driver = d.driver === null ? 'no driver' : `driver ${visibleLine(d.driver)}`;
    const what = isBlocker
      ? `blocks the group: host ${driver}`
      : state === 'vfio'
        ? `on ${driver}`
        : state === 'bridge'
          ? `bridge, ${driver}`
          : state === 'host'
            ? `host ${driver}`
            : driver;
    const name = visibleLine(d.name ?? d.className ?? `class ${d.classCode}`);
    return {
      x: 8 + depth(d) * LAYOUT.indent,
      y: LAYOUT.head + i * LAYOUT.row,
      width: cardWidth - 16 - depth(d) * LAYOUT.indent,
      address: shortAddress(d.address),
      label: clip(name, fits(cardWidth - 16 - depth(d) * LAYOUT.indent - 84 - 6)),
      title: `${d.address} ${name} [${d.vendor}:${d.device}], ${d.driver === null ? 'no driver' : `driver ${visibleLine(d.driver)}`}${isTarget ? ', passthrough target' : ''}${isBlocker ? ', blocks this group' : ''}`,
      detail: clip(
        `${isTarget ? 'TARGET · ' : ''}${what}`,
        fits(cardWidth - 16 - depth(d) * LAYOUT.indent - 26 - 6, isTarget || isBlocker),
      ),
      name,
      state,
      isTarget,
      isBlocker,
    };
  });
  const more = hidden.length === 0 ? null : `+ ${hidden.length} more: ${countStates(hidden)}`;
  const upstream = commonUpstream(members, inGroup);
  const up = upstream ? byAddress.get(upstream) : undefined;
  const title = `${id === null ? 'No IOMMU group' : `IOMMU group ${id}`}${upstream ? ` · behind ${shortAddress(upstream)}${up?.group ? ` (group ${up.group})` : ''}` : ''}`;
  const caption =
    id === null
      ? 'in no IOMMU group: VFIO cannot take them'
      : blockers.length > 0
        ? `NOT usable: ${blockers.map((b) => `${shortAddress(b.address)} is on ${visibleLine(b.driver ?? '')}`).join(', ')}, a host driver`
        : used
          ? 'usable: no endpoint on a host driver'
          : 'host devices only';
  const rowsHeight = devices.length * LAYOUT.row + (more ? 20 : 0);
  return {
    x,
    y,
    width: cardWidth,
    height: LAYOUT.head + rowsHeight + 8,
    title: clip(title, fits(cardWidth - 20, true)),
    caption: clip(caption, fits(cardWidth - 20, true)),
    status: id === null || blockers.length > 0 ? (used ? 'blocked' : 'plain') : used ? 'viable' : 'plain',
    devices,
    more,
    moreY: LAYOUT.head + devices.length * LAYOUT.row + 14,
    link: members.map((m) => firstFail.get(m.address)).find((a) => a !== undefined) ?? null,
  };
}

function countStates(devs: readonly PciDevice[]): string {
  const n: Record<DeviceState, number> = { vfio: 0, host: 0, none: 0, bridge: 0 };
  for (const d of devs) n[deviceState(d)] += 1;
  const words: Record<DeviceState, [string, string]> = {
    vfio: ['on vfio-pci', 'on vfio-pci'],
    host: ['on a host driver', 'on host drivers'],
    none: ['without driver', 'without driver'],
    bridge: ['bridge', 'bridges'],
  };
  return (Object.keys(n) as DeviceState[])
    .filter((k) => n[k] > 0)
    .map((k) => `${n[k]} ${words[k][n[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** The nearest bridge outside the group that every member sits behind, if any. */
function commonUpstream(members: readonly PciDevice[], inGroup: ReadonlySet<string>): string | null {
  const outside = members.map((m) => m.parents.find((p) => !inGroup.has(p)) ?? null);
  const first = outside[0] ?? null;
  return first !== null && outside.every((o) => o === first) ? first : null;
}
