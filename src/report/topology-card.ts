/**
 * One card of the IOMMU-group picture: a group's members in tree order (a bridge above what sits
 * behind it), each coloured by its driver state, targets outlined, and the members the findings
 * name as blocking a target marked. Coordinates and plain strings only; the template draws them.
 */
import type { PciDevice } from '../facts/model.js';
import { isBridge, isVfioDriver } from '../facts/pci.js';
import type { DeviceState, TopoDevice, TopoGroup } from './topology-view.js';
import { LAYOUT } from './topology-view.js';
import { visibleLine } from './visible-text.js';

/** Characters that fit in a width at the report's 12px sans-serif (about 6.6px each, 7.4 bold, seen in Chromium screenshots). */
export const fits = (px: number, bold = false): number => Math.floor(px / (bold ? 7.6 : 6.8));

export function deviceState(d: Pick<PciDevice, 'classCode' | 'driver'>): DeviceState {
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

export interface CardInput {
  readonly id: string | null;
  readonly members: readonly PciDevice[];
  /** The group holds a target or a device on vfio-pci. */
  readonly used: boolean;
  /** Members a failing finding names as blocking a target of this group. */
  readonly blockers: ReadonlySet<string>;
  readonly targets: ReadonlySet<string>;
  readonly interesting: (d: PciDevice) => boolean;
  readonly byAddress: ReadonlyMap<string, PciDevice>;
  /** Anchor of the first failing finding about a member, when there is one. */
  readonly link: string | null;
}

export function groupCard(input: CardInput, x: number, y: number, cardWidth: number): TopoGroup {
  const { id, members, used, targets, interesting, byAddress } = input;
  const blockers = members.filter((m) => input.blockers.has(m.address));
  const inGroup = new Set(members.map((m) => m.address));
  const depth = (d: PciDevice): number => Math.min(3, d.parents.filter((p) => inGroup.has(p)).length);
  // Keep the tree order (a bridge before what sits behind it) by sorting on the path from the root.
  const path = (d: PciDevice): string =>
    [...d.parents]
      .reverse()
      .filter((p) => inGroup.has(p))
      .concat(d.address)
      .join('/');
  // Code-unit order: the paths are fixed-width lower-case addresses (and a first localeCompare costs ICU's start-up, ~10 ms).
  const sorted = members
    .map((d) => ({ d, key: path(d) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.d);
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
    link: input.link,
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
