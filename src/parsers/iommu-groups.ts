/**
 * IOMMU group membership (evidence id `iommu-groups`), and the same facts read from the kernel
 * log when sysfs is not in the evidence (sosreports).
 *
 * Sample: test/fixtures/iommu-groups/asokolsky-duo-lspci-loop.txt, lines 5–6 (verbatim):
 *   IOMMU group 2 00:14.0 USB controller [0c03]: Intel Corporation 200 Series/Z370 Chipset Family USB 3.0 xHCI Controller [8086:a2af]
 *   IOMMU group 2 00:14.2 Signal processing controller [1180]: Intel Corporation 200 Series PCH Thermal Subsystem [8086:a2b1]
 * Accepted listing shapes, each line giving one (group, address) pair:
 * - the collector's `<group> <address>` lines;
 * - paths `/sys/kernel/iommu_groups/<g>/devices/<address>` (`find`/`ls -d` output);
 * - `ls /sys/kernel/iommu_groups/*\/devices` output: a `/sys/kernel/iommu_groups/<g>/devices:`
 *   header, then one address per line;
 * - the Arch wiki loop `IOMMU Group <g> <slot> <lspci -nn line>` (sample above; short slots are
 *   normalised to domain 0000).
 * Output: `memberships` (one per pair, with line and text), `groups` (group → addresses in
 * order) and `deviceGroup` (address → group).
 *
 * parseIommuGroupsFromDmesg reads `<driver or bus> <dev>: Adding to iommu group <n>`, the
 * dev_info() in iommu_group_add_device() (drivers/iommu/iommu.c: "Adding to iommu group %d\n").
 * Quirks: the prefix is the bus name before a driver binds (`pci 0000:00:01.0`) and the driver
 * name after (`mlx5_core 000a:11:00.0`, test/fixtures/dmesg/lkml-hisi-grep-iommu-group.txt);
 * non-PCI devices (`HISI0162:01`, `PNP0D20:00`) are skipped; a device added again later (after
 * a driver reload) takes its last group.
 */
import type { Dmesg } from './dmesg.js';
import { fields, splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { normalizePciAddress } from './pci-address.js';

export interface IommuMembership {
  readonly line: number;
  readonly text: string;
  readonly group: number;
  readonly address: string;
}

export interface IommuGroups {
  readonly memberships: readonly IommuMembership[];
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly deviceGroup: Readonly<Record<string, number>>;
  readonly unparsed: readonly UnparsedLine[];
}

const SYS_PREFIX = '/sys/kernel/iommu_groups/';

function groupNum(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}

function fromPath(t: string): { group?: number; address?: string; header: boolean } | undefined {
  if (!t.startsWith(SYS_PREFIX)) return undefined;
  const parts = t.slice(SYS_PREFIX.length).split('/');
  const group = groupNum(parts[0]);
  if (group === undefined || parts[1] === undefined) return undefined;
  if (parts.length === 2 && parts[1] === 'devices:') return { group, header: true };
  if (parts[1] !== 'devices' || parts[2] === undefined) return undefined;
  const address = normalizePciAddress(parts[2]);
  return address ? { group, address, header: false } : undefined;
}

function buildIommuGroups(memberships: readonly IommuMembership[], unparsed: readonly UnparsedLine[]): IommuGroups {
  // Sets while building: a group of 200,000 members must not cost a scan per member.
  const members = new Map<number, Set<string>>();
  const groupOf = new Map<string, number>();
  for (const m of memberships) {
    const prev = groupOf.get(m.address);
    if (prev !== undefined && prev !== m.group) members.get(prev)?.delete(m.address);
    groupOf.set(m.address, m.group);
    let set = members.get(m.group);
    if (!set) members.set(m.group, (set = new Set()));
    set.add(m.address);
  }
  const groups: Record<string, string[]> = {};
  for (const [g, set] of members) if (set.size > 0) groups[String(g)] = [...set];
  return { memberships, groups, deviceGroup: Object.fromEntries(groupOf), unparsed };
}

export function parseIommuGroups(text: string): IommuGroups {
  const memberships: IommuMembership[] = [];
  const unparsed: UnparsedLine[] = [];
  let headerGroup: number | undefined;
  const add = (l: SourceLine, group: number, address: string): void => {
    memberships.push({ line: l.line, text: l.text, group, address });
  };
  for (const l of splitLines(text)) {
    const t = l.text.trim();
    if (t === '') {
      headerGroup = undefined;
      continue;
    }
    const p = fromPath(t);
    if (p) {
      if (p.header) headerGroup = p.group;
      else if (p.group !== undefined && p.address) add(l, p.group, p.address);
      continue;
    }
    const f = fields(t);
    if (f.length >= 4 && f[0] === 'IOMMU' && (f[1] === 'Group' || f[1] === 'group')) {
      const g = groupNum(f[2]);
      const a = normalizePciAddress(f[3] ?? '');
      if (g !== undefined && a) {
        add(l, g, a);
        continue;
      }
    }
    if (f.length === 2) {
      const g = groupNum(f[0]);
      const a = normalizePciAddress(f[1] ?? '');
      if (g !== undefined && a) {
        add(l, g, a);
        continue;
      }
    }
    if (f.length === 1 && headerGroup !== undefined) {
      const a = normalizePciAddress(t);
      if (a) {
        add(l, headerGroup, a);
        continue;
      }
    }
    unparsed.push(l);
  }
  return buildIommuGroups(memberships, unparsed);
}

const ADDING = ': Adding to iommu group ';

/** Group memberships from parsed kernel log records (only PCI devices). */
export function parseIommuGroupsFromDmesg(dmesg: {
  readonly records: readonly Pick<Dmesg['records'][number], 'line' | 'text' | 'message'>[];
}): IommuGroups {
  const memberships: IommuMembership[] = [];
  for (const r of dmesg.records) {
    const at = r.message.indexOf(ADDING);
    if (at === -1) continue;
    const group = groupNum(r.message.slice(at + ADDING.length).trim());
    const sp = r.message.lastIndexOf(' ', at);
    const address = sp === -1 ? undefined : normalizePciAddress(r.message.slice(sp + 1, at));
    if (group !== undefined && address) memberships.push({ line: r.line, text: r.text, group, address });
  }
  return buildIommuGroups(memberships, []);
}
