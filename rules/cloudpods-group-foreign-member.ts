import { defineRule } from '../src/engine/define-rule.js';
import { gpuProbeDisabledBy, passthroughGpus } from '../src/facts/cloudpods-devices.js';
import { isBridge, deviceByAddress } from '../src/facts/pci.js';
import { checkIsolatedDevices, restartHostService } from '../src/fixes/cloudpods.js';
import { makeGroupViable } from '../src/fixes/group-viability.js';

// pkg/hostman/isolated_device/gpu.go IOMMUGroup.ListDevices: a GPU's group peers become companions
// (bound to vfio-pci by forceBindVFIOPCIDriver) only with the GPU's vendor id; others are logged
// `Skip append … iommu_group[N] device …` and left on their driver. QEMU then cannot use the group.
// Only the GPUs the host service takes count (passthroughGpus: class, 0380 vendors, vGPU PFs, boot VGA).
export default defineRule({
  id: 'cloudpods-group-foreign-member',
  title: 'A GPU shares its IOMMU group with an endpoint of another vendor, which the host service never binds',
  severity: 'error',
  tags: ['cloudpods', 'iommu', 'gpu'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/isolated_device/gpu.go IOMMUGroup.ListDevices, forceBindVFIOPCIDriver',
  needs: ['cloudpods', 'pci', 'host'],
  messages: {
    gpuProbeOff: 'disable_gpu: true in host.conf: the host service does not pass GPUs through.',
    noGpu: 'No GPU (PCI class 0300, 0302 or 0380) outside the boot VGA device.',
    clean: 'IOMMU group {{group}} holds only {{vendor}} devices and bridges: the host service binds all of them.',
    foreign:
      'IOMMU group {{group}} of GPU {{gpu}} also holds {{others}}: the host service binds only {{vendor}} devices, so QEMU fails with "group {{group}} is not viable".',
  },
  check({ cloudpods, pci, host }, r) {
    const cp = cloudpods.value;
    const off = gpuProbeDisabledBy(cp);
    if (off) return r.pass('gpuProbeOff', {}, [off.ref]);
    const gpus = passthroughGpus(pci.value, cp).filter((d) => d.group !== null);
    if (gpus.length === 0) return r.pass('noGpu', {}, pci.evidence);
    return gpus.map((g) => {
      const peers = (pci.value.groups[g.group ?? ''] ?? [])
        .filter((a) => a !== g.address)
        .map((a) => deviceByAddress(pci.value).get(a))
        .filter((d) => d !== undefined);
      const foreign = peers.filter((d) => d.vendor !== g.vendor && !isBridge(d));
      const data = { group: g.group ?? '', gpu: g.address, vendor: g.vendor };
      if (foreign.length === 0) return r.pass('clean', data, g.refs, { device: g.address });
      const fix = makeGroupViable(host.value, g, foreign, g.group ?? '', pci.value.devices);
      return r.fail(
        'foreign',
        { ...data, others: foreign.map((d) => `${d.address} [${d.vendor}:${d.device}] on ${d.driver ?? 'no driver'}`).join(', ') },
        [...g.refs, ...foreign.flatMap((d) => d.refs)],
        {
          ...fix,
          steps: [...fix.steps, ...restartHostService(), checkIsolatedDevices()],
        },
        { device: g.address },
      );
    });
  },
});
