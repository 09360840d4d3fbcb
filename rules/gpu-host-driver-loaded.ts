import { isVfioDriver } from '../src/facts/pci.js';
import { defineRule } from '../src/engine/define-rule.js';
import { keepGpuDriverOff } from '../src/fixes/gpu-driver.js';

/** Host GPU drivers per PCI vendor id (NVIDIA, AMD/ATI, Intel). */
const DRIVERS: Readonly<Record<string, readonly string[]>> = {
  '10de': ['nouveau', 'nvidia', 'nvidia_drm', 'nvidia_modeset'],
  '1002': ['amdgpu', 'radeon'],
  '8086': ['i915', 'xe'],
};

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
    const gpus = targets.value.devices
      .filter((t) => t.explicit)
      .flatMap((t) =>
        pci.value.devices.filter((d) => d.address === t.address && d.classCode.startsWith('03') && Object.hasOwn(DRIVERS, d.vendor)),
      );
    if (gpus.length === 0) return r.skip('noGpuTarget', {});
    return gpus.map((gpu) => {
      const wanted = DRIVERS[gpu.vendor]!;
      const boundTo = pci.value.devices.filter((d) => d.driver !== null && wanted.includes(d.driver.replace(/-/g, '_')));
      const loaded = new Set([
        ...(modules.state === 'known' ? modules.value.loaded.filter((m) => wanted.includes(m)) : []),
        ...boundTo.map((d) => d.driver!.replace(/-/g, '_')),
      ]);
      const data = { address: gpu.address, vendor: gpu.vendor === '10de' ? 'NVIDIA' : gpu.vendor === '1002' ? 'AMD' : 'Intel' };
      // The target already on vfio-pci: a vendor driver that serves the host's other card does no harm.
      if (isVfioDriver(gpu.driver) && loaded.size > 0)
        return r.pass(
          'servesOther',
          { ...data, drivers: [...loaded].join(', '), others: boundTo.map((d) => d.address).join(', ') || 'no card here' },
          [gpu.refs[0]!, ...boundTo.flatMap((d) => d.refs.slice(0, 1))],
          { device: gpu.address, despiteGaps: 'the target is bound to vfio-pci' },
        );
      if (loaded.size === 0) {
        if (modules.state !== 'known') return r.unknown('noModules', data, ['cat /proc/modules'], { device: gpu.address });
        return r.pass('notLoaded', data, [gpu.refs[0]!, ...modules.evidence], { device: gpu.address });
      }
      const refs = [
        ...(modules.state === 'known' ? [...loaded].flatMap((m) => (modules.value.refs[m] ? [modules.value.refs[m]!] : [])) : []),
        ...boundTo.flatMap((d) => d.refs),
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
