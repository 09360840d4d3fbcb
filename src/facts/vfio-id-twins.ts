/**
 * Which devices a configured vfio-pci id takes, and which of them the customer meant.
 *
 * vfio-pci's `ids` parameter adds each vendor:device pair to the driver's dynamic id table
 * (drivers/vfio/pci/vfio_pci.c vfio_pci_fill_ids → pci_add_dynid), so the driver claims every
 * function with that pair, not one slot. The only per-address choices the bundle can show are
 * `--device <address>` and a `driver_override=vfio-pci` on the device; `--device <vendor:device>`
 * and the ids themselves name all twins alike, so they say nothing about which one was meant.
 * An entry may go on to subvendor:subdevice (the sscanf there reads up to six fields); such an
 * entry only takes the cards with that subsystem, so it is compared too.
 */
import { normalizePciAddress } from '../parsers/pci-address.js';
import type { EvidenceRef } from './fact.js';
import type { PciDevice, PciFacts, TargetFacts, VfioId } from './model.js';
import { devicesWithId } from './pci.js';

export interface IdCapture {
  /** vendor:device, lower case. */
  readonly id: string;
  /** Every config line that names the id (cmdline, modprobe.d), one ref each. */
  readonly refs: readonly EvidenceRef[];
  readonly matches: readonly PciDevice[];
}

export function idCaptures(vfioIds: readonly VfioId[], pci: PciFacts): IdCapture[] {
  const byId = new Map<string, Set<EvidenceRef>>();
  for (const v of vfioIds) {
    const id = v.raw.toLowerCase().split(':').slice(0, 4).join(':');
    const refs = byId.get(id);
    if (refs) refs.add(v.ref);
    else byId.set(id, new Set([v.ref]));
  }
  return [...byId].map(([id, refs]) => {
    const [vendor = '', device = ''] = id.split(':');
    return { id, refs: [...refs], matches: devicesWithId(pci, vendor, device).filter((d) => takes(id, d)) };
  });
}

function takes(id: string, d: PciDevice): boolean {
  const [vendor, device, subVendor, subDevice] = id.split(':');
  if (d.vendor !== vendor || d.device !== device) return false;
  const sub = d.subsystem?.split(':') ?? [];
  return (subVendor === undefined || sub[0] === subVendor) && (subDevice === undefined || sub[1] === subDevice);
}

/** Addresses the customer chose one by one: --device <address>, or driver_override=vfio-pci. */
export function chosenByAddress(targets: TargetFacts): ReadonlySet<string> {
  return new Set(
    targets.devices
      .filter((t) =>
        t.why.some((w) => w === 'driver_override=vfio-pci' || (w.startsWith('--device ') && normalizePciAddress(w.slice(9)) !== undefined)),
      )
      .map((t) => t.address),
  );
}
