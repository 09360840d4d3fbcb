import { defineRule } from '../src/engine/define-rule.js';
import { logLines, logRef } from '../src/facts/kernel-log.js';
import { checkIsolatedDevices, checkQemuLog, restartHostService } from '../src/fixes/cloudpods.js';

// QEMU hw/vfio/container.c vfio_get_group: open("/dev/vfio/<group>") fails → error_setg_errno(errp, errno,
// "failed to open %s", path), printed after the device's "vfio <addr>: " prefix. The node exists only
// while a vfio driver holds the group's devices.
const OPEN = /vfio (\S+): failed to open \/dev\/vfio\/(\d+): No such file or directory/;
export default defineRule({
  id: 'cloudpods-vm-vfio-open-failed',
  title: "A VM did not start: QEMU could not open the device's /dev/vfio group",
  severity: 'error',
  tags: ['cloudpods', 'vfio', 'qemu'],
  source: 'qemu hw/vfio/container.c vfio_get_group; Cloudpods VM logs /opt/cloud/workspace/servers/logs/<server id>',
  needs: ['cloudpods', 'pci'],
  optional: ['kernelLog'],
  messages: {
    notCloudpods: 'Not a Cloudpods host (no /etc/yunion/host.conf, no host service log).',
    noFailure: 'No QEMU log in the bundle reports "failed to open /dev/vfio/N".',
    noQemuLog:
      'The QEMU logs of the VMs (/opt/cloud/workspace/servers/logs) were not collected, so whether a VM failed to open its device is not known.',
    qemuLogCut: 'No QEMU log line in the bundle reports "failed to open /dev/vfio/N", but {{missing}}.',
    notVfio:
      'QEMU could not open /dev/vfio/{{group}} for {{address}} because the device is on {{driver}}, not vfio-pci: the group node exists only while vfio-pci holds the device.',
    gone: 'QEMU could not open /dev/vfio/{{group}} for {{address}}, and {{address}} is no longer on the PCI bus{{why}}: the card fell off the bus or was removed.',
    nodeMissing:
      'QEMU could not open /dev/vfio/{{group}} for {{address}}: the device is on vfio-pci in group {{now}} but /dev/vfio holds {{nodes}}.',
    recovered:
      'QEMU could not open /dev/vfio/{{group}} for {{address}} earlier; the device is now on vfio-pci and /dev/vfio/{{now}} exists, so the VM can be started again.',
  },
  check({ cloudpods, pci, kernelLog }, r) {
    const cp = cloudpods.value;
    if (!cp.detected) return r.skip('notCloudpods', {});
    if (cp.qemuLog === null) return r.unknown('noQemuLog', {}, ['sudo tail -n 200 /opt/cloud/workspace/servers/logs/*']);
    const lines = cp.qemuLog.lines;
    const hits = lines.map((l) => ({ l, m: OPEN.exec(l.message) })).filter((x) => x.m !== null);
    if (hits.length === 0 && cp.qemuLog.gaps.length > 0)
      return r.unknown(
        'qemuLogCut',
        { missing: cp.qemuLog.gaps.map((g) => `${g.source} ${g.why}`).join('; ') },
        cp.qemuLog.gaps.flatMap((g) => g.collect),
      );
    if (hits.length === 0) return r.pass('noFailure', {}, lines.length > 0 ? [lines[lines.length - 1]!.ref] : cloudpods.evidence);
    const seen = new Set<string>();
    return hits
      .filter((h) => !seen.has(h.m![1]!) && seen.add(h.m![1]!))
      .map(({ l, m }) => {
        const address = (m![1] ?? '').toLowerCase();
        const group = m![2] ?? '';
        const dev = pci.value.devices.find((d) => d.address === address || d.address === `0000:${address}`);
        const data = { address, group };
        const restart = [
          ...restartHostService(),
          checkIsolatedDevices(),
          checkQemuLog('no "failed to open /dev/vfio" line after the VM is started again'),
        ];
        if (!dev) {
          const bus =
            kernelLog.state === 'known'
              ? logLines(kernelLog.value, 'fallen off the bus', 'AER:', 'Xid')
                  .slice(0, 5)
                  .map((x) => logRef(kernelLog.value, x))
              : [];
          return r.fail(
            'gone',
            { ...data, why: bus.length > 0 ? ' (the kernel log shows bus errors)' : '' },
            [l.ref, ...bus, ...pci.evidence],
            {
              summary: `Bring ${address} back on the bus`,
              steps: [
                {
                  kind: 'run',
                  command: `lspci -nnk -s ${address}; dmesg | grep -iE 'fallen off the bus|AER|Xid'`,
                  why: 'an empty lspci line or config space reading ff means the card is gone; the kernel log says why',
                },
                {
                  kind: 'note',
                  text: 'Reseat or power-cycle the card (a host power cycle, not a reboot, for a card that fell off the bus), check its power cables and slot, then let the host service probe again.',
                },
                ...restart,
              ],
            },
            {},
          );
        }
        const nodes = cp.devVfio?.names ?? [];
        if (dev.driver !== 'vfio-pci')
          return r.fail(
            'notVfio',
            { ...data, driver: dev.driver ?? 'no driver' },
            [l.ref, ...dev.refs],
            {
              summary: `Put ${address} back on vfio-pci`,
              steps: [
                {
                  kind: 'verify',
                  command: `lspci -nnk -s ${dev.address}`,
                  expect: 'Kernel driver in use: vfio-pci (the host service binds it at probe)',
                },
                ...restart,
              ],
            },
            { device: dev.address },
          );
        if (cp.devVfio && !nodes.includes(dev.group ?? ''))
          return r.fail(
            'nodeMissing',
            { ...data, now: dev.group ?? 'none', nodes: nodes.join(' ') || 'nothing' },
            [l.ref, ...dev.refs, cp.devVfio.ref],
            {
              summary: `Recreate /dev/vfio/${dev.group ?? 'N'}`,
              steps: [
                {
                  kind: 'run',
                  command: `echo ${dev.address} > /sys/bus/pci/drivers/vfio-pci/unbind; echo ${dev.address} > /sys/bus/pci/drivers/vfio-pci/bind; ls -l /dev/vfio`,
                  why: 'a rebind makes vfio-pci register the group again',
                },
                ...restart,
              ],
            },
            { device: dev.address },
          );
        return r.pass('recovered', { ...data, now: dev.group ?? '' }, [l.ref, ...dev.refs, ...(cp.devVfio ? [cp.devVfio.ref] : [])], {
          device: dev.address,
        });
      });
  },
});
