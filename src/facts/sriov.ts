/**
 * Requests for devices that are not there, as SR-IOV virtual functions would be: `--device`
 * values that matched nothing and `vfio-pci ids` no present device has. VFs appear only after
 * `sriov_numvfs` is written, on the PF's bus (routing ID = PF + First VF Offset + n × VF Stride,
 * Documentation/PCI/pci-iov-howto.rst), with the VF device id the PF advertises.
 */
import { normalizePciAddress } from '../parsers/pci-address.js';
import type { EvidenceRef } from './fact.js';
import type { PciDevice, PciFacts, TargetFacts } from './model.js';

export interface MissingRequest {
  readonly text: string;
  /** Normalised address when the request was an address. */
  readonly address: string | null;
  /** Vendor id when the request was an id. */
  readonly vendor: string | null;
  readonly ref: EvidenceRef | null;
}

export function missingRequests(targets: TargetFacts, pci: PciFacts): MissingRequest[] {
  const present = new Set(pci.devices.map((d) => `${d.vendor}:${d.device}`));
  return [
    ...targets.unmatched.map((u) => ({
      text: `--device ${u}`,
      address: normalizePciAddress(u) ?? null,
      vendor: /^([0-9a-f]{4}):[0-9a-f]{4}$/i.exec(u)?.[1]?.toLowerCase() ?? null,
      ref: null,
    })),
    ...targets.vfioIds
      .filter((v) => !present.has(`${v.vendor}:${v.device}`))
      .map((v) => ({ text: `vfio-pci ids ${v.raw}`, address: null, vendor: v.vendor, ref: v.ref })),
  ];
}

/** A request a PF's VFs could satisfy: an address on its bus, or an id of its vendor. */
export function couldBeVfOf(req: MissingRequest, pf: PciDevice): boolean {
  const bus = (a: string): string => a.slice(0, a.lastIndexOf(':'));
  return req.address ? bus(req.address) === bus(pf.address) : req.vendor === pf.vendor;
}
