import { deviceByAddress } from '../src/facts/pci.js';
import { defineRule } from '../src/engine/define-rule.js';
import { FULL_LOG_COLLECT, logShowsAbsence } from '../src/facts/kernel-log.js';
import { barConflicts, logRef } from '../src/facts/device-log.js';
import { releaseBootFramebuffer } from '../src/fixes/boot-framebuffer.js';

export default defineRule({
  id: 'boot-gpu-framebuffer',
  title: 'The boot framebuffer holds the memory of the GPU meant for passthrough',
  severity: 'error',
  tags: ['device', 'gpu', 'kernel-log'],
  source: 'Kernel log "vfio-pci …: BAR N: can\'t reserve [mem …]" (drivers/pci/pci.c __pci_request_region); drivers/firmware/sysfb.c',
  needs: ['kernelLog', 'pci', 'targets', 'host'],
  optional: ['kernel'],
  messages: {
    logIncomplete: 'The kernel log ({{source}}) does not start at boot or was cut, so finding no such line proves nothing.',
    noConflict: 'vfio-pci reserved the BARs of {{address}} without a conflict{{bootVga}}.',
    conflict:
      'vfio-pci could not reserve BAR {{bars}} of {{address}}{{bootVga}}: the firmware framebuffer (efifb, vesafb, simplefb or simpledrm) still holds that memory, so the VM cannot use the GPU.',
    noGpuTarget: 'No GPU is targeted and no vfio-pci BAR reservation failed.',
  },
  check({ kernelLog, pci, targets, host, kernel }, r) {
    const log = kernelLog.value;
    const conflicts = barConflicts(log);
    const devOf = (a: string) => deviceByAddress(pci.value).get(a);
    const note = (a: string): string => (devOf(a)?.bootVga ? ' (the boot VGA device, boot_vga=1)' : '');
    const byAddr = new Map<string, typeof conflicts>();
    // A BAR conflict on a device known not to be a display controller has another cause.
    for (const c of conflicts.filter((c) => !devOf(c.address) || devOf(c.address)!.classCode.startsWith('03')))
      byAddr.set(c.address, [...(byAddr.get(c.address) ?? []), c]);
    const failed = [...byAddr].map(([address, cs]) =>
      r.fail(
        'conflict',
        { address, bars: [...new Set(cs.map((c) => c.bar))].join(', '), bootVga: note(address) },
        [...cs.map((c) => logRef(log, c.line)), ...(devOf(address) ? [devOf(address)!.refs[0]!] : [])],
        releaseBootFramebuffer(host.value, kernel.state === 'known' ? kernel.value : null),
        { device: address },
      ),
    );
    const gpus = targets.value.devices
      .map((t) => devOf(t.address))
      .filter((d) => d !== undefined && d.classCode.startsWith('03') && !byAddr.has(d.address));
    const passed = gpus.map((d) =>
      logShowsAbsence(log)
        ? r.pass('noConflict', { address: d!.address, bootVga: note(d!.address) }, [d!.refs[0]!, ...kernelLog.evidence], {
            device: d!.address,
          })
        : r.unknown('logIncomplete', { source: log.source }, FULL_LOG_COLLECT, { device: d!.address }),
    );
    if (failed.length + passed.length === 0) return r.skip('noGpuTarget', {});
    return [...failed, ...passed];
  },
});
