import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { eventsOf } from '../src/facts/log-events.js';
import { deviceByAddress } from '../src/facts/pci.js';
import { bringBackOnBus, findWhyNodeMissing, putBackOnVfio, recreateGroupNode } from '../src/fixes/cloudpods-vfio-open.js';

// QEMU hw/vfio "failed to open /dev/vfio/%d" (src/log-catalog/qemu-vfio.ts), read from the VMs' logs. The
// node exists only while a vfio driver holds the group's devices.
export default defineRule({
  id: 'cloudpods-vm-vfio-open-failed',
  title: "A VM did not start: QEMU could not open the device's /dev/vfio group",
  severity: 'error',
  tags: ['cloudpods', 'vfio', 'qemu'],
  appliesTo: 'cloudpods',
  source: 'qemu hw/vfio/container.c vfio_get_group; Cloudpods VM logs /opt/cloud/workspace/servers/logs/<server id>',
  needs: ['cloudpods'],
  optional: ['pci', 'logEvents'],
  messages: {
    noFailure: 'No QEMU log in the bundle reports "failed to open /dev/vfio/N".',
    noQemuLog:
      'The QEMU logs of the VMs (/opt/cloud/workspace/servers/logs) were not collected, so whether a VM failed to open its device is not known.',
    qemuLogCut: 'No QEMU log line in the bundle reports "failed to open /dev/vfio/N", but {{missing}}.',
    notVfio:
      'QEMU could not open /dev/vfio/{{group}} for {{address}} because the device is on {{driver}}, not vfio-pci: the group node exists only while vfio-pci holds the device.',
    gone: 'QEMU could not open /dev/vfio/{{group}} for {{address}}, and {{address}} is no longer on the PCI bus{{why}}: the card fell off the bus or was removed.',
    nodeMissing:
      'QEMU could not open /dev/vfio/{{group}} for {{address}}: the device is on vfio-pci in group {{now}} but /dev/vfio holds {{nodes}}.',
    noInventory:
      'QEMU could not open /dev/vfio/{{group}} for {{address}}: no vfio driver held its group when the VM started (the bundle has no PCI inventory to tell why).',
    recovered:
      'QEMU could not open /dev/vfio/{{group}} for {{address}} earlier; the device is now on vfio-pci and /dev/vfio/{{now}} exists, so the VM can be started again.',
  },
  check({ cloudpods, pci, logEvents }, r) {
    const cp = cloudpods.value;
    if (cp.qemuLog === null) return r.unknown('noQemuLog', {}, ['sudo tail -n 200 /opt/cloud/workspace/servers/logs/*']);
    const failures =
      logEvents.state === 'known'
        ? eventsOf(logEvents.value, ['vfio-open-failed']).filter((e) => e.origin === 'qemu' && e.device !== null)
        : [];
    if (failures.length === 0 && cp.qemuLog.gaps.length > 0)
      return r.unknown('qemuLogCut', { missing: describeGaps(cp.qemuLog.gaps) }, collectFor(cp.qemuLog.gaps));
    const lines = cp.qemuLog.lines;
    if (failures.length === 0) return r.pass('noFailure', {}, lines.length > 0 ? [lines[lines.length - 1]!.ref] : cloudpods.evidence);
    // Bus errors in the kernel log, for a card no longer in the inventory.
    const busErrors =
      logEvents.state === 'known' ? eventsOf(logEvents.value, ['aer-fatal', 'device-unresponsive']).flatMap((e) => e.refs) : [];
    return [...new Map(failures.map((e) => [e.device, e])).values()].map((e) => {
      const address = e.device ?? '';
      const data = { address, group: e.group ?? '' };
      if (pci.state === 'unknown') return r.fail('noInventory', data, e.refs, findWhyNodeMissing(address), { device: address });
      const dev = deviceByAddress(pci.value).get(address);
      if (!dev)
        return r.fail(
          'gone',
          { ...data, why: busErrors.length > 0 ? ' (the kernel log shows bus errors)' : '' },
          [...e.refs, ...busErrors.slice(0, 5), ...pci.evidence],
          bringBackOnBus(address),
        );
      if (dev.driver !== 'vfio-pci')
        return r.fail('notVfio', { ...data, driver: dev.driver ?? 'no driver' }, [...e.refs, ...dev.refs], putBackOnVfio(address), {
          device: address,
        });
      const nodes = cp.devVfio?.names ?? [];
      if (cp.devVfio && !nodes.includes(dev.group ?? ''))
        return r.fail(
          'nodeMissing',
          { ...data, now: dev.group ?? 'none', nodes: nodes.join(' ') || 'nothing' },
          [...e.refs, ...dev.refs, cp.devVfio.ref],
          recreateGroupNode(address, dev.group),
          { device: address },
        );
      return r.pass('recovered', { ...data, now: dev.group ?? '' }, [...e.refs, ...dev.refs, ...(cp.devVfio ? [cp.devVfio.ref] : [])], {
        device: address,
        despiteGaps: 'the device is on vfio-pci now and its node is listed',
      });
    });
  },
});
