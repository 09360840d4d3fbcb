import { deviceByAddress } from '../src/facts/pci.js';
import { defineRule } from '../src/engine/define-rule.js';
import { resetFailures } from '../src/facts/device-log.js';
import { resetFix, noResetFix } from '../src/fixes/device-reset.js';

export default defineRule({
  id: 'device-reset-failure',
  title: 'A device failed to reset, or cannot be reset at all',
  severity: 'warning',
  tags: ['device', 'reset', 'kernel-log'],
  source: 'Kernel log (drivers/pci/pci.c pci_dev_wait, pcie_flr, pci_power_up); gnif/vendor-reset device list',
  needs: ['logEvents', 'host'],
  optional: ['targets', 'pci'],
  messages: {
    resettable: '{{address}} offers reset methods ({{methods}}) and the kernel log shows no failed reset.',
    resetFailed: '{{address}} failed to reset: {{problems}}. The device may not work again in a VM until the host is power-cycled.',
    noInventory: 'No failed reset in the logs, and no PCI inventory to tell which targets can be reset.',
    noResetMethod: '{{address}} has no reset method: the kernel cannot return it to a clean state between VM runs.',
  },
  check({ logEvents, targets, pci, host }, r) {
    const byAddr = new Map<string, ReturnType<typeof resetFailures>>();
    for (const f of resetFailures(logEvents.value)) byAddr.set(f.address, [...(byAddr.get(f.address) ?? []), f]);
    const failed = [...byAddr].map(([address, fs]) => {
      const dev = pci.state === 'known' ? deviceByAddress(pci.value).get(address) : undefined;
      const problems = [...new Set(fs.map((f) => f.problem))].join(', ');
      return r.fail(
        'resetFailed',
        { address, problems },
        [...fs.map((f) => f.ref), ...(dev ? [dev.refs[0]!] : [])],
        resetFix(host.value, dev ?? null, address, fs),
        { device: address },
      );
    });
    // reset_method is listed only when the kernel offers one (5.15+); its absence means "none" only
    // when other devices in the same inventory show the attribute.
    // Without an inventory only the log's failures can be reported.
    if (pci.state === 'unknown' || targets.state === 'unknown')
      return failed.length > 0 ? failed : r.unknown('noInventory', {}, ['lspci -nnk']);
    const hasAttr = pci.value.devices.some((d) => d.resetMethod !== null);
    const rest = targets.value.devices
      .filter((t) => !byAddr.has(t.address))
      .flatMap((t) => {
        const dev = deviceByAddress(pci.value).get(t.address);
        if (!dev || !hasAttr) return [];
        if (dev.resetMethod)
          return [
            r.pass('resettable', { address: dev.address, methods: dev.resetMethod }, [dev.refs[0]!, ...logEvents.evidence], {
              device: dev.address,
            }),
          ];
        return [
          r.fail('noResetMethod', { address: dev.address }, dev.refs, noResetFix(dev), {
            device: dev.address,
            severity: 'info',
            severityReason: 'nothing failed yet; the device works for one VM run per host boot',
          }),
        ];
      });
    return [...failed, ...rest];
  },
});
