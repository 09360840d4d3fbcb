import { deviceByAddress, devicesWithId } from '../src/facts/pci.js';
import { defineRule } from '../src/engine/define-rule.js';
import { bindToVfioAtBoot } from '../src/fixes/vfio-binding.js';
import type { PciDevice } from '../src/facts/model.js';

/** Identical devices named in one fix: thousands of VFs of one id are counted past these. */
const MAX_NAMED_TWINS = 16;

function othersNamed(twins: readonly PciDevice[]): string[] {
  const named = twins.slice(0, MAX_NAMED_TWINS).map((d) => d.address);
  return twins.length > named.length ? [...named, `${twins.length - named.length} more`] : named;
}

export default defineRule({
  id: 'device-not-bound',
  title: 'A device meant for passthrough has no driver',
  severity: 'info',
  tags: ['device', 'vfio', 'driver'],
  source: 'FAQ "How to Verify PCI/PCIe Devices to be Passthrough on Host Are Taken Over by vfio-pci?"',
  needs: ['targets', 'pci', 'host'],
  optional: ['modules'],
  messages: {
    bound: '{{address}} is bound to {{driver}}.',
    unbound:
      '{{address}} ({{why}}) has no driver: nothing binds it to vfio-pci at boot{{vfioNote}}. Fine when a host service binds it before each VM start.',
    noExplicitTarget: 'No device is named for passthrough (no --device, vfio-pci.ids, driver_override or vfio-pci binding).',
    driverUnknown:
      'The listing that shows {{address}} does not show its driver (no "Kernel driver in use" line was given), so whether it is bound is not known.',
  },
  check({ targets, pci, host, modules }, r) {
    const explicit = targets.value.devices.filter((t) => t.explicit);
    if (explicit.length === 0) return r.skip('noExplicitTarget', {});
    const vfioLoaded = modules.state === 'known' ? [...modules.value.loaded, ...modules.value.builtin].includes('vfio_pci') : null;
    const vfioNote = vfioLoaded === false ? ' (vfio_pci is not even loaded)' : '';
    return explicit.flatMap((t) => {
      const dev = deviceByAddress(pci.value).get(t.address);
      if (!dev) return [];
      const evidence = [...dev.refs, ...t.refs.filter((x) => !dev.refs.includes(x))];
      if (dev.driver !== null) return [r.pass('bound', { address: dev.address, driver: dev.driver }, evidence, { device: dev.address })];
      // A listing without kernel-driver lines, or one cut by grep, does not say "no driver".
      if (!dev.driverKnown) return [r.unknown('driverUnknown', { address: dev.address }, ['lspci -nnk'], { device: dev.address })];
      const fix = bindToVfioAtBoot(host.value, dev, null, {
        builtinDriver: false,
        otherSameIds: othersNamed(devicesWithId(pci.value, dev.vendor, dev.device).filter((d) => d.address !== dev.address)),
        vfioIds: targets.value.vfioIds,
      });
      return [
        r.fail(
          'unbound',
          { address: dev.address, why: t.why.join(', '), vfioNote },
          evidence,
          {
            ...fix,
            caveats: [
              ...(fix.caveats ?? []),
              "Hosts whose management service binds devices to vfio-pci on demand (the guide's host service does) need no boot-time binding: leave the device unbound.",
            ],
          },
          { device: dev.address },
        ),
      ];
    });
  },
});
