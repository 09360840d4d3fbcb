import { deviceByAddress } from '../src/facts/pci.js';
import { defineRule } from '../src/engine/define-rule.js';
import { keepHostStorage } from '../src/fixes/keep-host-storage.js';

export default defineRule({
  id: 'passthrough-of-host-storage',
  title: "A device meant for passthrough holds the host's own filesystems or swap",
  severity: 'error',
  tags: ['device', 'storage', 'vfio'],
  source: 'Guide: the unfinished NVMe storage-protection item',
  needs: ['targets', 'pci', 'hostStorage', 'host'],
  messages: {
    notStorage: '{{address}} carries no mounted filesystem or swap of the host.',
    noDisks: '{{address}} ({{kind}}) is not a storage or USB controller, so no disk of the host hangs off it.',
    hostStorage:
      '{{address}} ({{why}}) is the controller behind {{use}}: handing it to vfio-pci takes the disk away from the running host, which then hangs or crashes.',
    noExplicitTarget: 'No device is named for passthrough (no --device, vfio-pci.ids, driver_override or vfio-pci binding).',
  },
  check({ targets, pci, hostStorage, host }, r) {
    const explicit = targets.value.devices.filter((t) => t.explicit);
    if (explicit.length === 0) return r.skip('noExplicitTarget', {});
    return explicit.flatMap((t) => {
      const dev = deviceByAddress(pci.value).get(t.address);
      if (!dev) return [];
      const storage = hostStorage.value.devices.find((s) => s.address === dev.address);
      // Block devices hang off mass-storage (01xx) and USB (0c03) controllers; the others decide without the storage listings.
      if (!storage && !/^(?:01|0c03)/.test(dev.classCode))
        return [
          r.pass('noDisks', { address: dev.address, kind: dev.className ?? `class ${dev.classCode} device` }, [dev.refs[0]!], {
            device: dev.address,
            despiteGaps: 'only storage and USB controllers carry block devices',
          }),
        ];
      if (!storage)
        return [r.pass('notStorage', { address: dev.address }, [...hostStorage.evidence, dev.refs[0]!], { device: dev.address })];
      const evidence = [storage.ref, ...dev.refs, ...t.refs.filter((x) => !dev.refs.includes(x))];
      return [
        r.fail(
          'hostStorage',
          { address: dev.address, why: t.why.join(', '), use: storage.why },
          evidence,
          keepHostStorage(host.value, dev, t, targets.value.vfioIds),
          { device: dev.address },
        ),
      ];
    });
  },
});
