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

const ID = /^([0-9a-f]{4}):([0-9a-f]{4})$/i;

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

  const devices = pci.state === 'known' ? pci.value.devices : [];
  const targets = new Map<string, { why: string[]; refs: EvidenceRef[] }>();
  const add = (d: PciDevice, why: string, ref: EvidenceRef): void => {
    const t = targets.get(d.address) ?? { why: [], refs: [] };
    if (!t.why.includes(why)) t.why.push(why);
    if (!t.refs.includes(ref)) t.refs.push(ref);
    targets.set(d.address, t);
  };
  const unmatched: string[] = [];
  for (const r of requested) {
    const addr = normalizePciAddress(r);
    const id = ID.exec(r);
    const hits = devices.filter((d) =>
      addr ? d.address === addr : id ? d.vendor === id[1]!.toLowerCase() && d.device === id[2]!.toLowerCase() : false,
    );
    if (hits.length === 0) unmatched.push(r);
    for (const d of hits) add(d, `--device ${r}`, d.refs[0]!);
  }
  for (const v of vfioIds)
    for (const d of devices.filter((x) => x.vendor === v.vendor && x.device === v.device)) add(d, `vfio-pci ids ${v.raw}`, v.ref);
  for (const d of devices) {
    if (d.driverOverride === 'vfio-pci') add(d, 'driver_override=vfio-pci', d.refs[0]!);
    if (d.driver === 'vfio-pci') add(d, 'bound to vfio-pci', d.refs[0]!);
  }
  const explicit: TargetDevice[] = [...targets].map(([address, t]) => ({ address, explicit: true, why: t.why, refs: t.refs }));
  const candidates: TargetDevice[] =
    explicit.length > 0 || requested.length > 0
      ? []
      : devices
          .filter((d) => isCandidateClass(d.classCode) && d.physfn === null)
          .map((d) => ({ address: d.address, explicit: false, why: [], refs: d.refs }));
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

/** Display (03), network (02), NVMe (0108) and USB (0c03) controllers. */
function isCandidateClass(classCode: string): boolean {
  return classCode.startsWith('03') || classCode.startsWith('02') || classCode.startsWith('0108') || classCode.startsWith('0c03');
}
