/**
 * The devices the customer wants to pass through: named with --device (address or
 * vendor:device), listed in `vfio-pci.ids=` on the running command line or `options vfio-pci
 * ids=` in modprobe.d, given `driver_override=vfio-pci`, or already bound to vfio-pci. When none is
 * named, the host's GPUs, NICs, NVMe and USB controllers (physical functions) become candidates,
 * so the report can still say which of them could be passed through.
 */
import { normalizePciAddress } from '../parsers/pci-address.js';
import { known, type EvidenceRef, type Fact } from './fact.js';
import type { CmdlineFacts, ModuleConfigFacts, PciDevice, PciFacts, TargetDevice, TargetFacts, VfioId } from './model.js';
import { deviceByAddress, devicesWithId } from './pci.js';

const ID = /^([0-9a-f]{4}):([0-9a-f]{4})$/i;

/**
 * Lines cited for why one device is a target. Every `options vfio-pci ids=` line of a modprobe.d
 * with 49,000 files names the same devices: a few lines prove the reason, the rest repeat it.
 */
export const MAX_TARGET_REFS = 8;

/**
 * Candidates (devices shown because none was named) checked at most. Physical GPUs, NICs, NVMe
 * and USB controllers of the largest real hosts number in the hundreds (VFs are not candidates);
 * past this the customer names the devices (--device). inventory-cut reports the cap.
 */
export const MAX_CANDIDATES = 1024;

interface Reasons {
  readonly why: Set<string>;
  readonly refs: Set<EvidenceRef>;
}

export function buildTargets(
  pci: Fact<PciFacts>,
  cmdline: Fact<CmdlineFacts>,
  moduleConfig: Fact<ModuleConfigFacts>,
  requested: readonly string[],
): Fact<TargetFacts> {
  const vfioIds: VfioId[] = [];
  if (cmdline.state === 'known')
    for (const p of cmdline.value.params.filter((q) => q.key === 'vfio_pci.ids' && q.value !== null))
      vfioIds.push(...splitIds(p.value ?? '', cmdline.value.ref));
  if (moduleConfig.state === 'known')
    for (const d of moduleConfig.value.modprobe.filter((m) => m.kind === 'options' && m.module === 'vfio_pci'))
      for (const p of d.params.filter((q) => q.key === 'ids' && q.value !== null)) vfioIds.push(...splitIds(p.value ?? '', d.ref));

  const inventory = pci.state === 'known' ? pci.value : null;
  const devices = inventory?.devices ?? [];
  const targets = new Map<string, Reasons>();
  const add = (d: PciDevice, why: string, ref: EvidenceRef): void => {
    let t = targets.get(d.address);
    if (!t) targets.set(d.address, (t = { why: new Set(), refs: new Set() }));
    t.why.add(why);
    if (t.refs.size < MAX_TARGET_REFS) t.refs.add(ref);
  };
  const unmatched: string[] = [];
  for (const r of requested) {
    const addr = normalizePciAddress(r);
    const id = ID.exec(r);
    const byAddr = addr && inventory ? deviceByAddress(inventory).get(addr) : undefined;
    const byId = id && inventory ? devicesWithId(inventory, id[1]!.toLowerCase(), id[2]!.toLowerCase()) : [];
    const hits = addr ? (byAddr ? [byAddr] : []) : byId;
    if (hits.length === 0) unmatched.push(r);
    for (const d of hits) add(d, `--device ${r}`, d.refs[0]!);
  }
  for (const v of vfioIds)
    if (inventory) for (const d of devicesWithId(inventory, v.vendor, v.device)) add(d, `vfio-pci ids ${v.raw}`, v.ref);
  for (const d of devices) {
    if (d.driverOverride === 'vfio-pci') add(d, 'driver_override=vfio-pci', d.refs[0]!);
    if (d.driver === 'vfio-pci') add(d, 'bound to vfio-pci', d.refs[0]!);
  }
  const explicit: TargetDevice[] = [...targets].map(([address, t]) => ({ address, explicit: true, why: [...t.why], refs: [...t.refs] }));
  const candidates: TargetDevice[] = [];
  if (explicit.length === 0 && requested.length === 0)
    for (const d of devices) {
      if (!isCandidate(d)) continue;
      if (candidates.length === MAX_CANDIDATES) break;
      candidates.push({ address: d.address, explicit: false, why: [], refs: d.refs });
    }
  const list = explicit.length > 0 ? explicit : candidates;
  const evidence = list.flatMap((t) => t.refs).slice(0, 20);
  return known(
    { devices: list, vfioIds, unmatched },
    evidence.length > 0 ? evidence : [{ evidence: 'pci-sysfs', source: 'PCI inventory', text: 'no device targeted' }],
  );
}

function splitIds(value: string, ref: EvidenceRef): VfioId[] {
  return value
    .split(',')
    .map((raw) => raw.trim())
    .filter(Boolean)
    .flatMap((raw) => {
      const m = /^([0-9a-f]{4}):([0-9a-f]{4})/i.exec(raw);
      return m ? [{ vendor: m[1]!.toLowerCase(), device: m[2]!.toLowerCase(), raw, ref }] : [];
    });
}

/** A physical function (not a VF) of a display (03), network (02), NVMe (0108) or USB (0c03) controller. */
export function isCandidate(d: Pick<PciDevice, 'classCode' | 'physfn'>): boolean {
  const c = d.classCode;
  return d.physfn === null && (c.startsWith('03') || c.startsWith('02') || c.startsWith('0108') || c.startsWith('0c03'));
}
