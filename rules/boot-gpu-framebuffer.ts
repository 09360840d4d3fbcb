import { deviceByAddress } from '../src/facts/pci.js';
import { defineRule } from '../src/engine/define-rule.js';
import { barConflicts } from '../src/facts/device-log.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { releaseBootFramebuffer } from '../src/fixes/boot-framebuffer.js';

export default defineRule({
  id: 'boot-gpu-framebuffer',
  title: 'The boot framebuffer holds the memory of the GPU meant for passthrough',
  severity: 'error',
  tags: ['device', 'gpu', 'kernel-log'],
  source: 'Kernel log "vfio-pci …: BAR N: can\'t reserve [mem …]" (drivers/pci/pci.c __pci_request_region); drivers/firmware/sysfb.c',
  needs: ['logEvents', 'targets', 'host'],
  optional: ['kernel', 'pci'],
  messages: {
    logIncomplete: 'No such line in the logs, but {{missing}}, so its absence proves nothing.',
    noConflict: 'vfio-pci reserved the BARs of {{address}} without a conflict{{bootVga}}.',
    conflict:
      'vfio-pci could not reserve BAR {{bars}} of {{address}}{{bootVga}}: the firmware framebuffer (efifb, vesafb, simplefb or simpledrm) still holds that memory, so the VM cannot use the GPU.',
    noGpuTarget: 'No GPU is targeted and no vfio-pci BAR reservation failed.',
    notShownGpu:
      'vfio-pci could not reserve BAR {{bars}} of {{address}}, but nothing shows a framebuffer there: the evidence does not say it is a GPU, and the range is not a prefetchable one of 1 MiB or more, where a boot framebuffer lives. Something else holds it (another driver, or a second user of the device).',
  },
  check({ logEvents, pci, targets, host, kernel }, r) {
    const log = logEvents.value;
    // The log line alone is enough: a pasted ticket often has no PCI inventory.
    const devOf = (a: string) => (pci.state === 'known' ? deviceByAddress(pci.value).get(a) : undefined);
    const note = (a: string): string => (devOf(a)?.bootVga ? ' (the boot VGA device, boot_vga=1)' : '');
    const byAddr = new Map<string, ReturnType<typeof barConflicts>>();
    // A BAR conflict on a device known not to be a display controller has another cause.
    for (const c of barConflicts(log).filter((c) => devOf(c.address)?.classCode.startsWith('03') ?? true))
      byAddr.set(c.address, [...(byAddr.get(c.address) ?? []), c]);
    const failed = [...byAddr].map(([address, cs]) => {
      const dev = devOf(address);
      const bars = [...new Set(cs.map((c) => c.bar))].join(', ');
      // Without the device's class, only a range a framebuffer fits in points at one.
      if (!dev && !cs.some((c) => c.framebufferSized === true))
        return r.unknown('notShownGpu', { address, bars }, [`lspci -nnk -s ${address}`, 'grep -i -e fb -e BOOTFB /proc/iomem'], {
          device: address,
        });
      return r.fail(
        'conflict',
        { address, bars, bootVga: note(address) },
        [...cs.map((c) => c.ref), ...(dev ? [dev.refs[0]!] : [])],
        releaseBootFramebuffer(host.value, kernel.state === 'known' ? kernel.value : null),
        { device: address },
      );
    });
    const gpus = targets.value.devices.flatMap((t) => {
      const d = devOf(t.address);
      return d && d.classCode.startsWith('03') && !byAddr.has(d.address) ? [d] : [];
    });
    const passed = gpus.map((d) =>
      logEvents.gaps.length === 0
        ? r.pass('noConflict', { address: d.address, bootVga: note(d.address) }, [d.refs[0]!, ...logEvents.evidence], { device: d.address })
        : r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps), { device: d.address }),
    );
    if (failed.length + passed.length === 0) return r.skip('noGpuTarget', {});
    return [...failed, ...passed];
  },
});
