import { defineRule } from '../src/engine/define-rule.js';
import { collectFor, describeGaps } from '../src/facts/fact.js';
import { byDevice, eventsOf, subjectOf } from '../src/facts/log-events.js';
import { configUnreadableFix } from '../src/fixes/log-fault-fixes.js';

// drivers/pci/probe.c "unknown header type 7f, ignoring device" and libvirt's "Unknown PCI header
// type '127'": configuration reads return all ones (src/log-catalog/pci-probe.ts).
export default defineRule({
  id: 'device-config-unreadable',
  title: 'A device does not answer its configuration reads',
  severity: 'error',
  tags: ['device', 'sriov', 'kernel-log'],
  source: 'drivers/pci/probe.c pci_setup_device ("unknown header type %02x, ignoring device"); libvirt src/util/virpci.c',
  needs: ['logEvents'],
  messages: {
    logIncomplete: 'No such line in the logs, but {{missing}}, so its absence proves nothing.',
    none: 'The logs show no device whose configuration space reads all ones.',
    unreadable:
      '{{device}} does not answer its configuration reads ({{meaning}}; {{count}} line(s)): nothing can use or assign it. A virtual function at a device number above 0 needs ARI on the port above it; otherwise the link is down or the device fell off the bus.',
  },
  check({ logEvents }, r) {
    const devices = byDevice(eventsOf(logEvents.value, ['config-space-unreadable']));
    if (devices.length === 0 && logEvents.gaps.length > 0)
      return r.unknown('logIncomplete', { missing: describeGaps(logEvents.gaps) }, collectFor(logEvents.gaps));
    if (devices.length === 0) return r.pass('none', {}, logEvents.evidence);
    return devices.map((d) =>
      r.fail(
        'unreadable',
        { device: d.device ?? 'a device (the line names none)', meaning: d.events[0]?.meaning ?? '', count: d.count },
        d.refs,
        configUnreadableFix(d.device),
        subjectOf(d),
      ),
    );
  },
});
