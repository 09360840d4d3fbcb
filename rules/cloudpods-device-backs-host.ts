import { sh } from '../src/fixes/shell.js';
import { defineRule } from '../src/engine/define-rule.js';
import { deviceAt, listItems, nvmeEntries } from '../src/facts/cloudpods-devices.js';
import { hostConfSetting } from '../src/facts/cloudpods-lookup.js';
import { editHostConf, restartHostService } from '../src/fixes/cloudpods.js';

// storageman/core.go turns every ptnvme_configs entry into an `nvme_pt` storage whose controller is
// meant to be handed whole to a VM; isolated_device.go BatchCustomProbe → SBaseDevice.CustomProbe unbinds
// the driver of each device it takes and binds vfio-pci. Nothing there checks what the host itself uses.
export default defineRule({
  id: 'cloudpods-device-backs-host',
  title: "host.conf hands the host service a device that carries the host's own storage or network",
  severity: 'error',
  tags: ['cloudpods', 'storage', 'nvme'],
  appliesTo: 'cloudpods',
  source:
    'yunionio/cloudpods pkg/hostman/storageman/core.go NewStorageManager; isolated_device/nvme.go, isolated_device.go BatchCustomProbe',
  needs: ['cloudpods', 'pci'],
  optional: ['hostStorage'],
  messages: {
    noConf: '/etc/yunion/host.conf could not be read: {{reason}}',
    noEntries:
      'host.conf names no NVMe controller for passthrough (ptnvme_configs); custom PCI models live in the region (climc isolated-device-model-list) and are not in the bundle.',
    separate: '{{address}} ({{entry}}) carries no mounted filesystem, swap or LVM/RAID member of the host.',
    backsHost:
      '{{address}} ({{entry}}) is the controller behind {{use}}: the host service offers it to VMs, and binding it to vfio-pci takes the disk away from the running host.',
    storageUnknown: "Whether {{address}} ({{entry}}) carries the host's storage is unknown: {{reason}}",
    nicUnknown:
      '{{address}} ({{entry}}) is a network controller and the management NIC is {{nic}}; which PCI function {{nic}} sits on is not in the bundle.',
  },
  check({ cloudpods, pci, hostStorage }, r) {
    const cp = cloudpods.value;
    if (!cp.hostConf) return r.unknown('noConf', { reason: cp.hostConfMissing?.reason ?? '' }, cp.hostConfMissing?.collect ?? []);
    const entries = nvmeEntries(cp).filter((n) => n.addr !== null);
    const devs = entries.map((n) => ({ n, d: deviceAt(pci.value, n.addr ?? '') })).filter((x) => x.d !== undefined);
    if (devs.length === 0) return r.pass('noEntries', {}, [...nvmeEntries(cp).map((n) => n.ref), ...cloudpods.evidence]);
    const nic = hostConfSetting(cp, 'listen_interface')?.value ?? listItems(cp, 'networks')[0]?.value.split('/')[0] ?? null;
    return devs.map(({ n, d }) => {
      const dev = d!;
      const data = { address: dev.address, entry: `ptnvme_configs ${n.raw}` };
      const storage = hostStorage.state === 'known' ? hostStorage.value.devices.find((s) => s.address === dev.address) : undefined;
      const held = cp.heldDisks?.find((h) => h.address === dev.address);
      const use = storage ?? held;
      if (use)
        return r.fail(
          'backsHost',
          { ...data, use: use.why },
          [n.ref, use.ref, ...dev.refs],
          {
            summary: `Take ${dev.address} out of host.conf; the host needs it`,
            steps: [
              editHostConf(
                `remove the ptnvme_configs entry ${n.raw} (give VMs an NVMe controller that holds no host filesystem, swap or volume group)`,
              ),
              ...restartHostService(),
              {
                kind: 'verify',
                command: sh`lspci -nnk -s ${dev.address}; lsblk -o NAME,MOUNTPOINT,TYPE`.shell,
                expect: "Kernel driver in use: nvme, and the host's filesystems still on it",
              },
            ],
          },
          { device: dev.address },
        );
      if (dev.classCode.startsWith('02') && nic)
        return r.unknown('nicUnknown', { ...data, nic }, [`readlink -f /sys/class/net/${nic}/device`], { device: dev.address });
      if (hostStorage.state !== 'known')
        return r.unknown('storageUnknown', { ...data, reason: hostStorage.reason }, hostStorage.collect, { device: dev.address });
      return r.pass('separate', data, [n.ref, ...hostStorage.evidence, ...dev.refs], { device: dev.address });
    });
  },
});
