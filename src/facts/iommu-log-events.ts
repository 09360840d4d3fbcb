/**
 * Per-device IOMMU events in the kernel log: DMA remapping faults, RMRR attach refusals and
 * "Adding to iommu group" lines. Format strings verified at the kernel source:
 * - Intel, drivers/iommu/intel/dmar.c `dmar_fault_do_one` (5.15+):
 *   `DMAR: [%s NO_PASID] Request device [%02x:%02x.%d] fault addr 0x%llx [fault reason 0x%02x] %s`
 *   and `[%s PASID 0x%x] …`; 5.13–5.14 printed `[0x%02x:0x%02x.%d]`; older kernels
 *   `DMAR: [DMA Read] Request device [06:00.0] PASID ffffffff fault addr …`
 *   (test/fixtures/dmesg/marvell-dmar-fault-old.txt). `[INTR-REMAP]` faults are interrupt, not DMA, faults.
 * - AMD, drivers/iommu/amd/iommu.c `amd_iommu_report_page_fault`: with a known PCI device
 *   `<driver> 0000:01:00.0: AMD-Vi: Event logged [IO_PAGE_FAULT domain=0x%04x address=0x%llx flags=0x%04x]`,
 *   without one `AMD-Vi: Event logged [IO_PAGE_FAULT device=%04x:%02x:%02x.%x domain=…` (older: `device=%02x:%02x.%x`).
 * - drivers/iommu/intel/iommu.c `intel_iommu_attach_device`: dev_warn "Device is ineligible for IOMMU
 *   domain attach due to platform RMRR requirement.  Contact your platform vendor."
 * - drivers/iommu/iommu.c: dev_info "Adding to iommu group %d" / "Removing from iommu group %d".
 * The Intel messages carry bus:dev.fn only; the PCI segment is taken from the inventory when one
 * device matches, else 0000.
 */
import type { EvidenceRef } from './fact.js';
import type { KernelLogFacts, KernelLogLine, PciDevice } from './model.js';
import { logRef } from './kernel-log.js';

export interface DeviceEvents {
  readonly address: string;
  readonly count: number;
  readonly refs: readonly EvidenceRef[];
}

const BDF = /^(?:0x)?([0-9a-f]{2}):(?:0x)?([0-9a-f]{2})\.([0-7])$/i;
const FULL = /([0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7])/i;

function resolveUncached(bdf: string, devices: readonly PciDevice[]): string {
  const m = BDF.exec(bdf);
  if (!m) return bdf.toLowerCase();
  const short = `${m[1]}:${m[2]}.${m[3]}`.toLowerCase();
  const hits = devices.filter((d) => d.address.endsWith(`:${short}`));
  return hits.length === 1 ? (hits[0] as PciDevice).address : `0000:${short}`;
}

/** A fault flood names the same few devices hundreds of thousands of times: resolve each once. */
const resolved = new WeakMap<readonly PciDevice[], Map<string, string>>();
function resolve(bdf: string, devices: readonly PciDevice[]): string {
  let memo = resolved.get(devices);
  if (memo === undefined) resolved.set(devices, (memo = new Map()));
  let address = memo.get(bdf);
  if (address === undefined) memo.set(bdf, (address = resolveUncached(bdf, devices)));
  return address;
}

/** The faulting device of one log line, or null when the line is no DMA remapping fault. */
function faultDevice(message: string, devices: readonly PciDevice[]): string | null {
  const dmar = message.indexOf('DMAR: [DMA ');
  if (dmar >= 0) {
    const at = message.indexOf('Request device [', dmar);
    const end = message.indexOf(']', at + 16);
    return at < 0 || end < 0 ? null : resolve(message.slice(at + 16, end), devices);
  }
  const amd = message.indexOf('IO_PAGE_FAULT');
  if (amd < 0) return null;
  const dev = message.indexOf('device=', amd);
  if (dev >= 0) {
    const word = message.slice(dev + 7).split(' ')[0] ?? '';
    return FULL.test(word) ? word.toLowerCase() : resolve(word, devices);
  }
  const prefix = FULL.exec(message.slice(0, amd));
  return prefix ? (prefix[1] as string).toLowerCase() : null;
}

/** Events per device: how many, and the first three lines as evidence (a flood keeps no more). */
function group(log: KernelLogFacts, pick: (l: KernelLogLine) => string | null): DeviceEvents[] {
  const by = new Map<string, { count: number; refs: EvidenceRef[] }>();
  for (const l of log.lines) {
    const a = pick(l);
    if (a === null) continue;
    let events = by.get(a);
    if (events === undefined) by.set(a, (events = { count: 0, refs: [] }));
    events.count += 1;
    if (events.refs.length < 3) events.refs.push(logRef(log, l));
  }
  return [...by].map(([address, e]) => ({ address, count: e.count, refs: e.refs }));
}

export function dmaFaults(log: KernelLogFacts, devices: readonly PciDevice[]): DeviceEvents[] {
  return group(log, (l) => faultDevice(l.message, devices));
}

export function rmrrRefusals(log: KernelLogFacts): DeviceEvents[] {
  return group(log, (l) => {
    if (!l.message.includes('Device is ineligible for IOMMU domain attach due to platform RMRR requirement')) return null;
    const m = FULL.exec(l.message);
    return m ? (m[1] as string).toLowerCase() : null;
  });
}

/** Device → IOMMU group as the log leaves it (a later "Removing from iommu group" drops the device). */
export function logGroups(log: KernelLogFacts): Map<string, { group: string; ref: EvidenceRef }> {
  const out = new Map<string, { group: string; ref: EvidenceRef }>();
  for (const l of log.lines) {
    const add = l.message.indexOf(': Adding to iommu group ');
    const del = l.message.indexOf(': Removing from iommu group ');
    const at = add >= 0 ? add : del;
    if (at < 0) continue;
    const m = FULL.exec(l.message.slice(0, at));
    if (!m) continue;
    const address = (m[1] as string).toLowerCase();
    if (add >= 0) out.set(address, { group: l.message.slice(add + 24).trim(), ref: logRef(log, l) });
    else out.delete(address);
  }
  return out;
}
