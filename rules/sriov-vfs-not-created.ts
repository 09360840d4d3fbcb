import { defineRule } from '../src/engine/define-rule.js';
import { couldBeVfOf, missingRequests } from '../src/facts/sriov.js';
import { createVfsPersistently } from '../src/fixes/sriov.js';

export default defineRule({
  id: 'sriov-vfs-not-created',
  title: 'Virtual functions meant for passthrough do not exist: sriov_numvfs is 0',
  severity: 'info',
  tags: ['device', 'sriov'],
  source: 'pve-docs qm-pci-passthrough "SR-IOV"; Documentation/PCI/pci-iov-howto.rst',
  needs: ['targets', 'pci', 'host'],
  messages: {
    noSriov: 'No SR-IOV capable device (sriov_totalvfs > 0) on this host.',
    fine: '{{address}} is SR-IOV capable ({{total}} VFs) with {{num}} created, and nothing names a missing VF.',
    missingVfs:
      '{{requested}} names no present device, and the SR-IOV device {{address}} on the same {{scope}} has sriov_numvfs 0 of {{total}}: its virtual functions were never created.',
    noSysfs: 'SR-IOV state is only in the sysfs PCI inventory, which is not in the bundle.',
  },
  check({ targets, pci, host }, r) {
    if (pci.evidence[0]?.evidence !== 'pci-sysfs')
      return r.unknown('noSysfs', {}, ['sysfs PCI inventory (the collector, as root)', 'cat /sys/bus/pci/devices/*/sriov_totalvfs']);
    const pfs = pci.value.devices.filter((d) => (d.sriovTotalVfs ?? 0) > 0);
    if (pfs.length === 0) return r.skip('noSriov', {});
    const asks = missingRequests(targets.value, pci.value);
    return pfs.map((pf) => {
      const mine = asks.filter((a) => couldBeVfOf(a, pf));
      const data = { address: pf.address, total: pf.sriovTotalVfs ?? 0, num: pf.sriovNumVfs ?? 0 };
      if (mine.length === 0 || (pf.sriovNumVfs ?? 0) > 0) return r.pass('fine', data, pf.refs, { device: pf.address });
      const scope = mine.some((a) => a.address) ? 'bus' : 'vendor';
      const count = Math.min(mine.length, pf.sriovTotalVfs ?? 1);
      const evidence = [...pf.refs, ...mine.flatMap((a) => (a.ref ? [a.ref] : []))];
      return r.fail(
        'missingVfs',
        { ...data, requested: mine.map((a) => a.text).join(', '), scope },
        evidence,
        createVfsPersistently(host.value, pf, count),
        { device: pf.address },
      );
    });
  },
});
