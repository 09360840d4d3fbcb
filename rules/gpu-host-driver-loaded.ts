import { deviceByAddress, isVfioDriver } from '../src/facts/pci.js';
import type { PciDevice } from '../src/facts/model.js';
import { defineRule } from '../src/engine/define-rule.js';
import { keepGpuDriverOff } from '../src/fixes/gpu-driver.js';

/** Host GPU drivers per PCI vendor id (NVIDIA, AMD/ATI, Intel). */
const DRIVERS: Readonly<Record<string, readonly string[]>> = {
  '10de': ['nouveau', 'nvidia', 'nvidia_drm', 'nvidia_modeset'],
  '1002': ['amdgpu', 'radeon'],
  '8086': ['i915', 'xe'],
};

/** Cards on a host driver cited per finding: a few prove the driver is in use. */
const MAX_CITED_CARDS = 16;

export default defineRule({
  id: 'gpu-host-driver-loaded',
  title: 'The host GPU driver is loaded while a GPU of that vendor is meant for a VM',
  severity: 'warning',
  tags: ['device', 'gpu', 'driver'],
  source: 'Guide sample command line (rdblacklist=nouveau nouveau.modeset=0)',
  needs: ['targets', 'pci', 'host'],
  optional: ['modules'],
  messages: {
    notLoaded: 'No host driver for {{address}} ({{vendor}} GPU) is loaded.',
    loaded: '{{drivers}} is loaded while the {{vendor}} GPU {{address}} is meant for a VM: it can claim the GPU before vfio-pci does.',
    noModules: 'The loaded modules are unknown, so whether a host driver can claim {{address}} cannot be decided.',
    noGpuTarget: 'No GPU is named for passthrough.',
    servesOther: '{{address}} is on vfio-pci; {{drivers}} serves the host\u2019s other card ({{others}}).',
  },
  check({ targets, pci, host, modules }, r) {
    const byAddress = deviceByAddress(pci.value);
    const gpus = targets.value.devices.flatMap((t) => {
      const d = t.explicit ? byAddress.get(t.address) : undefined;
      return d && d.classCode.startsWith('03') && Object.hasOwn(DRIVERS, d.vendor) ? [d] : [];
    });
    if (gpus.length === 0) return r.skip('noGpuTarget', {});
    // The cards each vendor's host drivers are bound to, and those drivers, found in one pass over the inventory.
    const bound = new Map<string, { cards: PciDevice[]; drivers: Set<string> }>();
    for (const d of pci.value.devices) {
      const driver = d.driver?.replace(/-/g, '_');
      if (driver === undefined) continue;
      for (const [vendor, drivers] of Object.entries(DRIVERS)) {
        if (!drivers.includes(driver)) continue;
        let b = bound.get(vendor);
        if (!b) bound.set(vendor, (b = { cards: [], drivers: new Set() }));
        b.cards.push(d);
        b.drivers.add(driver);
      }
    }
    return gpus.map((gpu) => {
      const wanted = DRIVERS[gpu.vendor]!;
      const boundTo = bound.get(gpu.vendor)?.cards ?? [];
      const cited = boundTo.slice(0, MAX_CITED_CARDS);
      const loaded = new Set([
        ...(modules.state === 'known' ? modules.value.loaded.filter((m) => wanted.includes(m)) : []),
        ...(bound.get(gpu.vendor)?.drivers ?? []),
      ]);
      const data = { address: gpu.address, vendor: gpu.vendor === '10de' ? 'NVIDIA' : gpu.vendor === '1002' ? 'AMD' : 'Intel' };
      // The target already on vfio-pci: a vendor driver that serves the host's other card does no harm.
      if (isVfioDriver(gpu.driver) && loaded.size > 0)
        return r.pass(
          'servesOther',
          { ...data, drivers: [...loaded].join(', '), others: listed(cited, boundTo.length) },
          [gpu.refs[0]!, ...cited.flatMap((d) => d.refs.slice(0, 1))],
          { device: gpu.address, despiteGaps: 'the target is bound to vfio-pci' },
        );
      if (loaded.size === 0) {
        if (modules.state !== 'known') return r.unknown('noModules', data, ['cat /proc/modules'], { device: gpu.address });
        return r.pass('notLoaded', data, [gpu.refs[0]!, ...modules.evidence], { device: gpu.address });
      }
      const refs = [
        ...(modules.state === 'known' ? [...loaded].flatMap((m) => (modules.value.refs[m] ? [modules.value.refs[m]!] : [])) : []),
        ...cited.flatMap((d) => d.refs),
      ];
      return r.fail(
        'loaded',
        { ...data, drivers: [...loaded].join(', ') },
        [...new Set([gpu.refs[0]!, ...refs])],
        keepGpuDriverOff(host.value, [...loaded], gpu.address),
        { device: gpu.address },
      );
    });
  },
});

/** The cited cards' addresses, and how many more there are. */
function listed(cited: readonly PciDevice[], all: number): string {
  if (all === 0) return 'no card here';
  const addresses = cited.map((d) => d.address).join(', ');
  return all > cited.length ? `${addresses} and ${all - cited.length} more` : addresses;
}
