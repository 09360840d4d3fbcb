/**
 * Requests for devices that are not there, as SR-IOV virtual functions would be
 * (src/facts/sriov.ts): `--device` values that matched nothing and vfio-pci ids no present device
 * has, and whether a PF's VFs could satisfy them. On the lab's SR-IOV NVMe (sriov_totalvfs 2,
 * sriov_numvfs 0: samples/lab-sriov-no-vfs).
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import type { Facts } from '../../src/facts/facts.js';
import type { PciDevice, PciFacts, TargetFacts } from '../../src/facts/model.js';
import { couldBeVfOf, missingRequests } from '../../src/facts/sriov.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const factsOf = (sample: string, devices: readonly string[] = [], overrides: Record<string, Override> = {}): Facts =>
  analyzeBundle(sampleBundle(sample, overrides), { rules: [], devices: [...devices] }).facts;
const value = <T>(f: { state: 'known'; value: T } | { state: 'unknown'; reason: string }): T => {
  if (f.state !== 'known') throw new Error(f.reason);
  return f.value;
};
const device = (pci: PciFacts, address: string): PciDevice => {
  const d = pci.devices.find((x) => x.address === address);
  if (!d) throw new Error(`no ${address}`);
  return d;
};

describe('missing requests', () => {
  it("--device 0000:02:00.1, a VF address on the PF's bus that no device has yet", () => {
    const f = factsOf('lab-sriov-no-vfs', ['0000:02:00.1']);
    const pci = value(f.pci);
    const reqs = missingRequests(value(f.targets) as TargetFacts, pci);
    expect(reqs).toEqual([{ text: '--device 0000:02:00.1', address: '0000:02:00.1', vendor: null, ref: null }]);
    // commands/pci-sysfs.out: [0000:02:00.0] sriov_totalvfs=2, the NVMe PF; [0000:00:02.0] the VGA on bus 00.
    expect(couldBeVfOf(reqs[0]!, device(pci, '0000:02:00.0'))).toBe(true);
    expect(couldBeVfOf(reqs[0]!, device(pci, '0000:00:02.0'))).toBe(false);
  });

  it('every named device present (the NIC by its id, lab-sriov-no-vfs modprobe.d ids=8086:10d3): nothing missing', () => {
    const f = factsOf('lab-sriov-no-vfs');
    expect(missingRequests(value(f.targets), value(f.pci))).toEqual([]);
  });

  it('vfio-pci ids of no present device (the Proxmox docs example ids=1234:5678,4321:8765), each with its line', () => {
    const f = factsOf('lab-sriov-no-vfs', [], {
      'modprobe-d': { status: 'ok', text: fx('modprobe-d/pve-vfio-ids.conf'), name: 'vfio.conf' },
    });
    const pci = value(f.pci);
    const reqs = missingRequests(value(f.targets), pci);
    expect(reqs.map((r) => [r.text, r.address, r.vendor, r.ref?.source, r.ref?.line])).toEqual([
      ['vfio-pci ids 1234:5678', null, '1234', '/etc/modprobe.d/vfio.conf', 1],
      ['vfio-pci ids 4321:8765', null, '4321', '/etc/modprobe.d/vfio.conf', 1],
    ]);
    // An id request is a VF of a PF of its vendor only: the NVMe PF is 1b36.
    expect(couldBeVfOf(reqs[0]!, device(pci, '0000:02:00.0'))).toBe(false);
  });
});
