/**
 * The PCI inventory: every function with ids, class, driver, IOMMU group and place in the
 * topology. The sysfs inventory (always collected) is the base; `lspci -nnk` adds names and
 * module lists, and stands in alone when sysfs is missing (a sosreport). Groups come from
 * /sys/kernel/iommu_groups, else the per-device iommu_group link, else the boot log's
 * "Adding to iommu group" lines, else lspci's "IOMMU group" lines.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseLspciNnk, type LspciDevice } from '../parsers/lspci-nnk.js';
import { parseLspciVvv } from '../parsers/lspci-vvv.js';
import { pciAddressesInPath } from '../parsers/block-devices.js';
import { parsePciSysfs, type SysfsPciDevice } from '../parsers/pci-sysfs.js';
import { known, type EvidenceRef, type Fact } from './fact.js';
import { gapsIn, refTo, unknownFrom, unreadLines } from './evidence-ref.js';
import type { ClassifiedLogs } from './log-events.js';
import type { KernelLogFacts, PciDevice, PciFacts } from './model.js';
import { iommuGroupListing } from './shared-evidence.js';

/**
 * PCI functions analyzed at most. The largest real hosts (16 SR-IOV PFs with 256 VFs each, plus the
 * platform's own functions) list about 4,500; past this the inventory is cut where a device starts,
 * before parsing, the rest is reported by inventory-cut, and memory stays in its budget.
 */
export const MAX_PCI_FUNCTIONS = 6144;

/** A listing cut before its (max+1)th device: the text kept and how many devices it listed. */
function firstDevices(text: string, startsDevice: (text: string, at: number) => boolean, max: number): { text: string; listed: number } {
  let listed = 0;
  let cutAt = -1;
  for (let at = 0; at < text.length;) {
    if (startsDevice(text, at)) {
      listed += 1;
      if (listed === max + 1) cutAt = at;
    }
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return { text: cutAt < 0 ? text : text.slice(0, cutAt), listed };
}
/** `[0000:00:02.0]` opens a device of the sysfs inventory. */
const sysfsHeader = (t: string, at: number): boolean => t.charCodeAt(at) === 0x5b;
/** lspci prints a device's first line at column 0, starting with its address (`00:1f.3`, `0000:00:1f.3`). */
const LSPCI_ADDRESS = /^(?:[\da-f]{4,8}:)?[\da-f]{2}:[\da-f]{2}\.[0-7]/i;
const lspciHeader = (t: string, at: number): boolean => LSPCI_ADDRESS.test(t.slice(at, at + 16));

export function buildPci(ev: EvidenceSource, log: Fact<KernelLogFacts>, logs: Fact<ClassifiedLogs>): Fact<PciFacts> {
  const sysfsEv = ev.one('pci-sysfs');
  const nnkEv = ev.one('lspci-nnk');
  const vvvEv = ev.one('lspci-vvv');
  const sysfsText = hasText(sysfsEv) ? firstDevices(sysfsEv.text, sysfsHeader, MAX_PCI_FUNCTIONS) : null;
  const nnkText = hasText(nnkEv) ? firstDevices(nnkEv.text, lspciHeader, MAX_PCI_FUNCTIONS) : null;
  const vvvText = hasText(vvvEv) ? firstDevices(vvvEv.text, lspciHeader, MAX_PCI_FUNCTIONS) : null;
  const listed = Math.max(sysfsText?.listed ?? 0, nnkText?.listed ?? 0, vvvText?.listed ?? 0);
  const sysfsParsed = sysfsText ? parsePciSysfs(sysfsText.text) : null;
  const sysfs = sysfsParsed?.devices ?? [];
  const verbose = vvvText ? parseLspciVvv(vvvText.text).devices : [];
  const nnkParsed = nnkText ? parseLspciNnk(nnkText.text) : null;
  const lspci: readonly LspciDevice[] = nnkParsed ? nnkParsed.devices : verbose;
  const lspciEv = hasText(nnkEv) ? nnkEv : vvvEv;
  const verboseBy = new Map(verbose.map((d) => [d.address, d]));
  if (sysfs.length === 0 && lspci.length === 0) return unknownFrom(sysfsEv, nnkEv);

  const byAddr = new Map(lspci.map((d) => [d.address, d]));
  const devices: PciDevice[] =
    sysfs.length > 0
      ? sysfs.map((s) =>
          fromSysfs(s, byAddr.get(s.address), refTo(sysfsEv, s), byAddr.has(s.address) ? refTo(lspciEv, byAddr.get(s.address)!) : null),
        )
      : lspci.map((l) => fromLspci(l, refTo(lspciEv, l)));

  let groups: Record<string, string[]> = {};
  let groupsFrom: PciFacts['groupsFrom'] = 'none';
  const fromListing = iommuGroupListing(ev).parsed;
  if (fromListing && fromListing.memberships.length > 0) {
    groups = cloneGroups(fromListing.groups);
    groupsFrom = 'sysfs';
  } else if (devices.some((d) => d.group !== null)) {
    for (const d of devices) if (d.group !== null) (groups[d.group] ??= []).push(d.address);
    groupsFrom = sysfs.length > 0 ? 'sysfs' : 'lspci';
  } else if (logs.state === 'known') {
    const fromLog = groupsFromLog(logs.value.events);
    if (Object.keys(fromLog).length > 0) {
      groups = fromLog;
      groupsFrom = 'kernel-log';
    }
  }
  const groupOf = new Map<string, string>();
  for (const [g, members] of Object.entries(groups)) for (const m of members) groupOf.set(m, g);
  const withGroups = devices.map((d) => {
    const v = verboseBy.get(d.address);
    const extra = { flr: v?.flr?.capable ?? null, pcieType: v?.express?.type ?? null };
    const refs = v?.flr ? [...d.refs, refTo(vvvEv, v.flr)] : d.refs;
    return { ...d, ...extra, refs, group: d.group ?? groupOf.get(d.address) ?? null };
  });
  // What could hide a device or a group member: a cut inventory, a cut listing, a cut log.
  const inventoryEv = sysfs.length > 0 ? sysfsEv : lspciEv;
  const gaps = [
    ...gapsIn(inventoryEv),
    ...(sysfs.length > 0 ? unreadLines(sysfsEv, sysfsParsed?.unparsed ?? []) : unreadLines(nnkEv, nnkParsed?.unparsed ?? [])),
    ...(groupsFrom === 'kernel-log' && log.state === 'known' ? log.gaps : []),
    ...(fromListing && fromListing.memberships.length > 0 ? gapsIn(iommuGroupListing(ev).evidence) : []),
  ];
  const cut = listed > MAX_PCI_FUNCTIONS ? { listed, analyzed: withGroups.length } : null;
  if (cut)
    gaps.push({
      source: inventoryEv.source,
      why: `lists ${listed} PCI functions: the first ${MAX_PCI_FUNCTIONS} are analyzed`,
      collect: [],
    });
  return known(
    { devices: withGroups, groups, groupsFrom, ...(cut ? { cut } : {}) },
    [refTo(inventoryEv, { line: 1, text: `${withGroups.length} PCI functions` })],
    gaps,
  );
}

/** "Adding to iommu group N" (and the older "Adding device X to group N"), in log order: the last group a device was added to is its group. */
function groupsFromLog(events: ClassifiedLogs['events']): Record<string, string[]> {
  const groupOf = new Map<string, string>();
  for (const e of events) if (e.fault === 'group-added' && e.device !== null && e.group !== null) groupOf.set(e.device, e.group);
  const groups: Record<string, string[]> = {};
  for (const [device, group] of groupOf) (groups[group] ??= []).push(device);
  return groups;
}

function cloneGroups(g: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(g)) out[k] = [...v];
  return out;
}

function fromSysfs(s: SysfsPciDevice, l: LspciDevice | undefined, ref: EvidenceRef, lref: EvidenceRef | null): PciDevice {
  const parents = s.path
    ? pciAddressesInPath(s.path)
        .filter((a) => a !== s.address)
        .reverse()
    : [];
  return {
    address: s.address,
    vendor: s.vendor ?? l?.vendorId ?? '????',
    device: s.device ?? l?.deviceId ?? '????',
    subsystem: s.subsystemVendor && s.subsystemDevice ? `${s.subsystemVendor}:${s.subsystemDevice}` : null,
    classCode: s.class ?? `${l?.classCode ?? '0000'}00`,
    className: l?.className ?? null,
    name: l ? l.description : null,
    driver: s.driver ?? null,
    // The sysfs inventory names the driver link of every bound device.
    driverKnown: true,
    modules: l?.modules?.names ?? [],
    group: s.iommuGroup === undefined ? null : String(s.iommuGroup),
    driverOverride: s.driverOverride ?? null,
    bootVga: s.bootVga ?? null,
    resetMethod: s.resetMethod ? s.resetMethod.join(' ') : null,
    sriovTotalVfs: s.sriovTotalVfs ?? null,
    sriovNumVfs: s.sriovNumVfs ?? null,
    physfn: s.physfn ?? null,
    parents,
    flr: null,
    pcieType: null,
    refs: lref ? [ref, lref] : [ref],
  };
}

function fromLspci(l: LspciDevice, ref: EvidenceRef): PciDevice {
  return {
    address: l.address,
    vendor: l.vendorId ?? '????',
    device: l.deviceId ?? '????',
    subsystem: l.subsystem?.vendorId && l.subsystem.deviceId ? `${l.subsystem.vendorId}:${l.subsystem.deviceId}` : null,
    classCode: `${l.classCode ?? '0000'}${l.progIf ?? '00'}`,
    className: l.className,
    name: l.description,
    driver: l.driver?.name ?? null,
    driverKnown: l.driver !== undefined || l.driverKnown,
    modules: l.modules?.names ?? [],
    group: l.iommuGroup ? String(l.iommuGroup.group) : null,
    driverOverride: null,
    bootVga: null,
    resetMethod: null,
    sriovTotalVfs: null,
    sriovNumVfs: null,
    physfn: null,
    parents: [],
    flr: null,
    pcieType: null,
    refs: [ref],
  };
}

/** PCI-to-PCI and CardBus bridges (class 0604, 0607: header types 1 and 2). */
export function isBridge(d: Pick<PciDevice, 'classCode'>): boolean {
  return d.classCode.startsWith('0604') || d.classCode.startsWith('0607');
}

/** vfio-pci itself or a vendor variant driver built on vfio-pci-core (mlx5_vfio_pci, hisi_acc_vfio_pci…). */
export function isVfioDriver(driver: string | null): boolean {
  return driver !== null && (driver === 'vfio-pci' || driver.endsWith('_vfio_pci') || driver.endsWith('-vfio-pci'));
}

/** Drivers that leave DMA to the group's user: vfio-pci and its vendor variants, pci-stub, pcieport. */
export function isUserSafeDriver(driver: string | null): boolean {
  return driver === null || isVfioDriver(driver) || driver === 'pci-stub' || driver === 'pcieport';
}

/**
 * A group member that makes VFIO refuse the group: an endpoint (not a bridge) bound to a host
 * driver. The kernel allows bridges and drivers that manage no DMA (drivers/vfio/group.c and
 * drivers/iommu/iommu.c DMA ownership: pci-stub and pcieport set driver_managed_dma).
 */
export function blocksGroup(d: Pick<PciDevice, 'classCode' | 'driver'>): boolean {
  return !isBridge(d) && !isUserSafeDriver(d.driver);
}

interface PciIndex {
  readonly byAddress: ReadonlyMap<string, PciDevice>;
  readonly byId: ReadonlyMap<string, readonly PciDevice[]>;
}

const indexes = new WeakMap<PciFacts, PciIndex>();

/** The inventory's indexes, built once per inventory in one pass (rules look devices up per target and per group member). */
function indexOf(pci: PciFacts): PciIndex {
  let index = indexes.get(pci);
  if (index) return index;
  const byAddress = new Map<string, PciDevice>();
  const byId = new Map<string, PciDevice[]>();
  for (const d of pci.devices) {
    byAddress.set(d.address, d);
    const key = `${d.vendor}:${d.device}`;
    const same = byId.get(key);
    if (same) same.push(d);
    else byId.set(key, [d]);
  }
  indexes.set(pci, (index = { byAddress, byId }));
  return index;
}

/** The devices by address. */
export function deviceByAddress(pci: PciFacts): ReadonlyMap<string, PciDevice> {
  return indexOf(pci).byAddress;
}

/** The devices with this vendor:device pair (lower-case hex, as the inventory holds them), in inventory order. */
export function devicesWithId(pci: PciFacts, vendor: string, device: string): readonly PciDevice[] {
  return indexOf(pci).byId.get(`${vendor}:${device}`) ?? [];
}
