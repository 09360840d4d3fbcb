import { defineRule } from '../src/engine/define-rule.js';
import { gpuProbeDisabledBy, passthroughGpus, shortAddr } from '../src/facts/cloudpods-devices.js';
import { hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { checkIsolatedDevices, restartHostService } from '../src/fixes/cloudpods.js';
import { keepGpuDriverOff } from '../src/fixes/gpu-driver.js';

// gpu.go getPassthroughGPUs keeps a GPU only when its driver is "" or vfio-pci (`GPU %s use kernel driver
// %s, skip it`); sGPUBaseDevice.CustomProbe fails with `GPU is occupied by another driver: %s`. On a
// container host (host_type: container) the GPU driver is what the host needs.
export default defineRule({
  id: 'cloudpods-gpu-driver-on-vm-host',
  title: 'A GPU on a Cloudpods VM host is held by a host driver instead of vfio-pci',
  severity: 'error',
  tags: ['cloudpods', 'gpu', 'driver'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/isolated_device/gpu.go getPassthroughGPUs, sGPUBaseDevice.CustomProbe',
  needs: ['cloudpods', 'pci', 'host'],
  optional: ['logEvents'],
  messages: {
    containerHost: 'host_type: {{type}}: GPUs serve containers through their host driver, so a GPU driver is expected here.',
    gpuProbeOff: 'disable_gpu: true in host.conf: the host service does not pass GPUs through.',
    noGpu: 'No GPU the host service would pass through (class 0300/0302, or 0380 of NVIDIA/AMD, outside the boot VGA).',
    free: 'GPU {{address}} is on {{driver}}: the host service can take it.',
    held: 'GPU {{address}} is held by {{driver}} on this VM host: the host service skips it ("GPU {{short}} use kernel driver {{driver}}, skip it") or fails its probe ("GPU is occupied by another driver: {{driver}}").',
  },
  check({ cloudpods, pci, host, logEvents }, r) {
    const cp = cloudpods.value;
    if (cp.hostType === 'container') return r.skip('containerHost', { type: cp.hostType });
    const off = gpuProbeDisabledBy(cp);
    if (off) return r.pass('gpuProbeOff', {}, [off.ref]);
    const gpus = passthroughGpus(pci.value, cp);
    if (gpus.length === 0) return r.pass('noGpu', {}, pci.evidence);
    return gpus.map((g) => {
      const driver = g.driver ?? 'no driver';
      if (g.driver === null || g.driver === 'vfio-pci')
        return r.pass('free', { address: g.address, driver }, g.refs, { device: g.address });
      const short = shortAddr(g.address);
      const logged = hostServiceLines(
        logEvents,
        ['cloudpods-gpu-host-driver', 'cloudpods-gpu-occupied'],
        (e) => e.value === g.driver || e.device === g.address || e.device === `0000:${short}`,
      );
      const fix = keepGpuDriverOff(host.value, [g], g.address);
      return r.fail(
        'held',
        { address: g.address, short, driver: g.driver },
        [...g.refs, ...logged],
        {
          ...fix,
          steps: [...fix.steps, ...restartHostService(), checkIsolatedDevices()],
          caveats: [
            ...(fix.caveats ?? []),
            "If this host should run GPU containers instead, set host_type: container in /etc/yunion/host.conf (ocboot's ai-env role) rather than taking the driver away.",
          ],
        },
        { device: g.address },
      );
    });
  },
});
