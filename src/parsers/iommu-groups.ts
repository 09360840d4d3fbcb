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
 *   normalised to domain 0000), also with a colon after the number;
 * - the widely copied `for g in /sys/kernel/iommu_groups/*` loop that prints a header per group,
 *   `IOMMU Group <g>:`, then one indented `lspci -nns` line per member
 *   (test/real-cases/cases/github-kholia-osx-kvm-notes-rx580-vfio-healthy/iommu-groups.txt), and
 *   its variants: `IOMMU group <g>` without the colon, `### Group <g> ###`, `IOMMU Group: <g>`
 *   followed by `Group Device: <address> - …` lines; a copy of the script with its `IOMMMU` typo
 *   is read too;
 * - `ls -l` of a group's devices directory under its `…/devices:` header: the link name before ` -> `.
 * Output: `memberships` (one per pair, with line and text), `groups` (group → addresses in
 * order) and `deviceGroup` (address → group).
 * Non-PCI members (`/sys/kernel/iommu_groups/1/devices/107c580000.hvs` on a Raspberry Pi,
 * test/real-cases/cases/github-raspberrypi-linux-6834-rpi5-pcie-no-iommu) are `platformMembers`:
 * they prove an IOMMU at work even where no PCI device has a group.
 *
 * parseIommuGroupsFromDmesg reads `<driver or bus> <dev>: Adding to iommu group <n>`, the
 * dev_info() in iommu_group_add_device() (drivers/iommu/iommu.c: "Adding to iommu group %d\n"),
 * and the message kernels before 4.17 printed from the same function, `iommu: Adding device
 * <dev> to group <n>` (pr_info "Adding device %s to group %d\n"; test/real-cases/cases/
 * github-pcengines-apu2-documentation-236-group-not-viable/dmesg-iommu.txt).
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
  /** Members that are not PCI functions (platform devices of an SoC, ACPI devices), by group. */
  readonly platformMembers: readonly { readonly line: number; readonly text: string; readonly group: number; readonly name: string }[];
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly deviceGroup: Readonly<Record<string, number>>;
  readonly unparsed: readonly UnparsedLine[];
}

const SYS_PREFIX = '/sys/kernel/iommu_groups/';

function groupNum(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,9}$/.test(s) ? Number(s) : undefined;
}

function fromPath(t: string): { group?: number; address?: string; other?: string; header: boolean } | undefined {
  if (!t.startsWith(SYS_PREFIX)) return undefined;
  const parts = t.slice(SYS_PREFIX.length).split('/');
  const group = groupNum(parts[0]);
  if (group === undefined || parts[1] === undefined) return undefined;
  if (parts.length === 2 && parts[1] === 'devices:') return { group, header: true };
  if (parts[1] !== 'devices' || parts[2] === undefined) return undefined;
  const address = normalizePciAddress(parts[2]);
  if (address) return { group, address, header: false };
  // A platform device name: no slash, no blank, a bounded length.
  return parts.length === 3 && /^[\w.:@-]{1,128}$/.test(parts[2]) ? { group, other: parts[2], header: false } : undefined;
}

function buildIommuGroups(
  memberships: readonly IommuMembership[],
  unparsed: readonly UnparsedLine[],
  platformMembers: IommuGroups['platformMembers'] = [],
): IommuGroups {
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
  return { memberships, platformMembers, groups, deviceGroup: Object.fromEntries(groupOf), unparsed };
}

/** `IOMMU Group 2:`, `IOMMU group 2`, `### Group 2 ###`, `IOMMU Group: 2` — a header line that opens a group. */
const HEADER = /^(?:#{1,5} )?(?:IOM{1,3}U {1,4})?[Gg]roup:? {1,4}(\d{1,9}):?(?: #{1,5})?$/;
const LOOP_WORD = /^IOM{1,3}U$/;
const GROUP_WORD = /^[Gg]roup:?$/;

/** `IOMMU Group 2 00:14.0 …` or `IOMMU Group 2: 00:14.0 …`: the group and member on one line. */
function oneLineMember(f: readonly string[]): { group: number; address: string } | undefined {
  if (f.length < 4 || !LOOP_WORD.test(f[0] ?? '') || !GROUP_WORD.test(f[1] ?? '')) return undefined;
  const g = groupNum((f[2] ?? '').replace(/:$/, ''));
  const a = normalizePciAddress(f[3] ?? '');
  return g !== undefined && a ? { group: g, address: a } : undefined;
}

/** A member line under a header: `\t01:00.0 VGA …`, `Group Device: 0000:97:00.4 - …`, an `ls -l` row. */
function memberAddress(t: string, f: readonly string[]): string | undefined {
  const arrow = t.indexOf(' -> ');
  if (arrow > 0) {
    const before = fields(t.slice(0, arrow));
    return normalizePciAddress(before[before.length - 1] ?? '');
  }
  if (f[0] === 'Group' && f[1] === 'Device:') return normalizePciAddress(f[2] ?? '');
  return normalizePciAddress(f[0] ?? '');
}

export function parseIommuGroups(text: string): IommuGroups {
  const memberships: IommuMembership[] = [];
  const unparsed: UnparsedLine[] = [];
  const platformMembers: { line: number; text: string; group: number; name: string }[] = [];
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
      else if (p.group !== undefined && p.other) platformMembers.push({ line: l.line, text: l.text, group: p.group, name: p.other });
      continue;
    }
    const f = fields(t);
    const one = oneLineMember(f);
    if (one) {
      add(l, one.group, one.address);
      continue;
    }
    const header = HEADER.exec(t);
    if (header) {
      headerGroup = Number(header[1]);
      continue;
    }
    if (f.length === 2) {
      const g = groupNum(f[0]);
      const a = normalizePciAddress(f[1] ?? '');
      if (g !== undefined && a) {
        add(l, g, a);
        continue;
      }
    }
    if (headerGroup !== undefined) {
      // `ls` into a terminal prints several names per line
      const all = f.length > 1 && !t.includes(' -> ') ? f.map((x) => normalizePciAddress(x)) : [];
      if (all.length > 0 && all.every((a) => a !== undefined)) {
        for (const a of all) add(l, headerGroup, a as string);
        continue;
      }
      const a = memberAddress(t, f);
      if (a) {
        add(l, headerGroup, a);
        continue;
      }
    }
    unparsed.push(l);
  }
  return buildIommuGroups(memberships, unparsed, platformMembers);
}

const ADDING = ': Adding to iommu group ';
const OLD_ADDING = 'Adding device ';

/** Group memberships from parsed kernel log records (only PCI devices). */
export function parseIommuGroupsFromDmesg(dmesg: {
  readonly records: readonly Pick<Dmesg['records'][number], 'line' | 'text' | 'message'>[];
}): IommuGroups {
  const memberships: IommuMembership[] = [];
  for (const r of dmesg.records) {
    const old = oldKernelMembership(r.message);
    if (old) {
      memberships.push({ line: r.line, text: r.text, ...old });
      continue;
    }
    const at = r.message.indexOf(ADDING);
    if (at === -1) continue;
    const group = groupNum(r.message.slice(at + ADDING.length).trim());
    const sp = r.message.lastIndexOf(' ', at);
    const address = sp === -1 ? undefined : normalizePciAddress(r.message.slice(sp + 1, at));
    if (group !== undefined && address) memberships.push({ line: r.line, text: r.text, group, address });
  }
  return buildIommuGroups(memberships, []);
}

/** `iommu: Adding device 0000:00:02.0 to group 1` (kernels before 4.17). */
function oldKernelMembership(message: string): { group: number; address: string } | undefined {
  const at = message.indexOf(OLD_ADDING);
  if (at === -1) return undefined;
  const f = fields(message.slice(at + OLD_ADDING.length));
  if (f.length !== 4 || f[1] !== 'to' || f[2] !== 'group') return undefined;
  const address = normalizePciAddress(f[0] ?? '');
  const group = groupNum(f[3]);
  return address && group !== undefined ? { group, address } : undefined;
}
