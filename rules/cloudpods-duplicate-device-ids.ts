import { deviceByAddress } from '../src/facts/pci.js';
import { sh } from '../src/fixes/shell.js';
import { defineRule } from '../src/engine/define-rule.js';
import { gpuProbeDisabledBy, passthroughGpus } from '../src/facts/cloudpods-devices.js';
import { hostServiceLines } from '../src/facts/cloudpods-lookup.js';
import { checkHostServiceLog, restartHostService, vfioOverrideAtBoot } from '../src/fixes/cloudpods.js';

/** Devices cited per finding: a few prove identical ids; a host with thousands of one GPU is counted past these. */
const MAX_CITED = 16;

// gpu.go bindDriver writes "<vendor> <device>" to /sys/bus/pci/drivers/vfio-pci/new_id for each GPU and
// same-vendor companion not yet on vfio-pci. Since Linux 5.12 a repeated id fails with EEXIST; agents
// before the 2024-04-28 fallback (`failed write %s to %s, try bind addr`) stop there.
export default defineRule({
  id: 'cloudpods-duplicate-device-ids',
  title: 'Identical GPUs (or their audio functions) that the host service binds through new_id',
  severity: 'warning',
  tags: ['cloudpods', 'gpu', 'vfio'],
  appliesTo: 'cloudpods',
  source: 'yunionio/cloudpods pkg/hostman/isolated_device/gpu.go forceBindVFIOPCIDriver, bindDriver',
  needs: ['cloudpods', 'pci'],
  optional: ['logEvents'],
  messages: {
    gpuProbeOff: 'disable_gpu: true in host.conf: the host service binds no GPU.',
    unique: 'No two GPUs or GPU functions share a vendor:device pair, or all such devices are already on vfio-pci.',
    duplicate:
      '{{count}} devices share {{id}} ({{addresses}}) and {{unbound}} not on vfio-pci: the host service binds each through new_id, and the second write of {{id}} fails with "write /sys/bus/pci/drivers/vfio-pci/new_id: file exists" on host services older than 2024-04-28.',
  },
  check({ cloudpods, pci, logEvents }, r) {
    const cp = cloudpods.value;
    if (gpuProbeDisabledBy(cp)) return r.pass('gpuProbeOff', {}, cloudpods.evidence);
    const gpus = passthroughGpus(pci.value, cp);
    const taken = new Map(gpus.map((g) => [g.address, g]));
    for (const g of gpus)
      for (const a of pci.value.groups[g.group ?? ''] ?? []) {
        const peer = deviceByAddress(pci.value).get(a);
        if (peer && peer.vendor === g.vendor) taken.set(a, peer);
      }
    const byId = new Map<string, typeof gpus>();
    for (const d of taken.values()) {
      const same = byId.get(`${d.vendor}:${d.device}`);
      if (same) same.push(d);
      else byId.set(`${d.vendor}:${d.device}`, [d]);
    }
    const dups = [...byId.entries()].filter(([, ds]) => ds.length > 1 && ds.some((d) => d.driver !== 'vfio-pci'));
    if (dups.length === 0) return r.pass('unique', {}, gpus.length > 0 ? gpus.slice(0, MAX_CITED).flatMap((g) => g.refs) : pci.evidence);
    const logged = hostServiceLines(logEvents, ['cloudpods-new-id-exists', 'cloudpods-new-id-fallback']);
    return dups.map(([id, ds]) => {
      const unbound = ds.filter((d) => d.driver !== 'vfio-pci');
      const cited = ds.slice(0, MAX_CITED);
      const more = ds.length > cited.length ? ` and ${ds.length - cited.length} more` : '';
      return r.fail(
        'duplicate',
        {
          count: ds.length,
          id,
          addresses: cited.map((d) => `${d.address} on ${d.driver ?? 'no driver'}`).join(', ') + more,
          unbound: `${unbound.length} ${unbound.length === 1 ? 'is' : 'are'}`,
        },
        [...cited.flatMap((d) => d.refs), ...logged],
        {
          summary: 'Bind the identical devices by address at boot, or run a host service with the bind-by-address fallback',
          steps: [
            ...vfioOverrideAtBoot(),
            { kind: 'reboot' },
            { kind: 'verify', command: sh`lspci -nnk -d ${id}`.shell, expect: 'Kernel driver in use: vfio-pci for every device' },
            ...restartHostService(),
            checkHostServiceLog('no "new_id: file exists" line; an "Add GPU device" line for each card'),
          ],
          caveats: [
            'Host service images built after 2024-04-28 (cloudpods commit e0f6d903) retry a failed new_id write through /sys/bus/pci/drivers/vfio-pci/bind; upgrading them also avoids the failure.',
          ],
        },
        { device: ds[0]?.address ?? '' },
      );
    });
  },
});
