import { defineRule } from '../src/engine/define-rule.js';
import { isUserSafeDriver, isVfioDriver, deviceByAddress } from '../src/facts/pci.js';
import { bindToVfioAtBoot } from '../src/fixes/vfio-binding.js';

export default defineRule({
  id: 'device-host-driver',
  title: 'A device meant for passthrough is bound to a host driver',
  severity: 'error',
  tags: ['device', 'vfio', 'driver'],
  source: 'FAQ "How to Verify PCI/PCIe Devices to be Passthrough on Host Are Taken Over by vfio-pci?"',
  needs: ['targets', 'pci', 'host'],
  optional: ['modules'],
  messages: {
    bound: '{{address}} is bound to {{driver}}.',
    hostDriver:
      '{{address}} ({{why}}) is driven by the host driver {{driver}}, not vfio-pci: it cannot be passed through until vfio-pci takes it.',
    noExplicitTarget: 'No device is named for passthrough (no --device, vfio-pci.ids, driver_override or vfio-pci binding).',
  },
  check({ targets, pci, host, modules }, r) {
    const explicit = targets.value.devices.filter((t) => t.explicit);
    if (explicit.length === 0) return r.skip('noExplicitTarget', {});
    const out = [];
    for (const t of explicit) {
      const dev = deviceByAddress(pci.value).get(t.address);
      if (!dev || dev.driver === null) continue; // device-not-bound speaks for unbound targets
      const evidence = [...dev.refs, ...t.refs.filter((x) => !dev.refs.includes(x))];
      if (isVfioDriver(dev.driver)) {
        out.push(r.pass('bound', { address: dev.address, driver: dev.driver }, evidence, { device: dev.address }));
        continue;
      }
      // pci-stub holds a device for legacy assignment; it is still not vfio-pci, so it is reported.
      const builtinDriver = modules.state === 'known' && modules.value.builtin.includes(dev.driver.replace(/-/g, '_'));
      const otherSameIds = pci.value.devices
        .filter((d) => d.address !== dev.address && d.vendor === dev.vendor && d.device === dev.device && !isUserSafeDriver(d.driver))
        .map((d) => d.address);
      out.push(
        r.fail(
          'hostDriver',
          { address: dev.address, driver: dev.driver, why: t.why.join(', ') },
          evidence,
          bindToVfioAtBoot(host.value, dev, dev.driver, { builtinDriver, otherSameIds, vfioIds: targets.value.vfioIds }),
          { device: dev.address },
        ),
      );
    }
    return out.length > 0 ? out : r.skip('noExplicitTarget', {});
  },
});
