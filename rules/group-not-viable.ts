import { defineRule } from '../src/engine/define-rule.js';
import { blocksGroup, deviceByAddress, isBridge } from '../src/facts/pci.js';
import type { PciDevice } from '../src/facts/model.js';
import { eventsOf } from '../src/facts/log-events.js';
import { makeGroupViable } from '../src/fixes/group-viability.js';
import { groupNotViableFromLog } from '../src/fixes/log-fault-fixes.js';

export default defineRule({
  id: 'group-not-viable',
  title: 'The device shares its IOMMU group with devices the host still drives',
  severity: 'error',
  tags: ['device', 'iommu', 'group'],
  source:
    'Guide lspci -nnk example (GTX 1080 Ti 42:00.0 and its HDMI audio 42:00.1 both on vfio-pci); drivers/vfio/group.c, drivers/iommu/iommu.c',
  needs: ['targets', 'host'],
  optional: ['pci', 'logEvents'],
  messages: {
    viable: 'IOMMU group {{group}} of {{address}} holds no other endpoint bound to a host driver.',
    blocked:
      'IOMMU group {{group}} of {{address}} also holds {{members}}: VFIO refuses a group while any endpoint in it is bound to a host driver.',
    noGroups: 'The IOMMU groups are not known, so whether {{address}} can be passed through alone cannot be decided.',
    slotShared:
      'The IOMMU groups are not known, but {{address}} shares its slot with {{members}}: unless the device isolates its functions (ACS), they are one IOMMU group, and VFIO refuses it while a function is bound to a host driver.',
    vmmRefused:
      '{{who}} refused {{address}}: its IOMMU group {{group}} is not viable, so a device of that group (possibly {{address}} itself) is still bound to a host driver.',
    noInventory: 'No PCI inventory and no log line about a group, so the IOMMU groups of the devices cannot be checked.',
    membersUnlisted:
      'IOMMU group {{group}} of {{address}} also holds {{unlisted}}, whose drivers the PCI inventory does not show, so whether a host driver holds them cannot be decided.',
  },
  check({ targets, pci, host, logEvents }, r) {
    const collect = ['ls -l /sys/kernel/iommu_groups/*/devices', 'lspci -nnk'];
    // QEMU's and DPDK's own refusal proves the fault, with or without an inventory.
    const refusals =
      logEvents.state === 'known' ? eventsOf(logEvents.value, ['vfio-group-not-viable']).filter((e) => e.device !== null) : [];
    const fromLog = [...new Map(refusals.map((e) => [e.device, e])).values()].map((e) =>
      r.fail(
        'vmmRefused',
        { who: e.origin === 'dpdk' ? 'DPDK' : 'QEMU', address: e.device ?? '', group: e.group ?? '(not printed)' },
        e.refs,
        groupNotViableFromLog(e.device ?? '', e.group),
        { device: e.device ?? '' },
      ),
    );
    if (pci.state === 'unknown') return fromLog.length > 0 ? fromLog : r.unknown('noInventory', {}, collect);
    const logged = new Set(refusals.map((e) => e.device));
    const byAddress = deviceByAddress(pci.value);
    return [
      ...fromLog,
      ...targets.value.devices
        .filter((t) => !logged.has(t.address))
        .flatMap((t) => {
          const dev = byAddress.get(t.address);
          if (!dev) return [];
          if (dev.group === null) {
            // No group data: a device's other functions share its group unless it isolates them (ACS),
            // so a function on a host driver is a blocker even without the listing.
            const slot = dev.address.slice(0, dev.address.lastIndexOf('.'));
            const siblings = pci.value.devices.filter((d) => d.address !== dev.address && d.address.startsWith(`${slot}.`));
            const onHost = siblings.filter(blocksGroup);
            if (onHost.length === 0) return [r.unknown('noGroups', { address: dev.address }, collect, { device: dev.address })];
            return [
              r.fail(
                'slotShared',
                { address: dev.address, members: describe(onHost) },
                [dev.refs[0]!, ...onHost.map((m) => m.refs[0]!)],
                makeGroupViable(host.value, dev, onHost, '', pci.value.devices, targets.value.vfioIds),
                { device: dev.address, related: onHost.map((b) => b.address) },
              ),
            ];
          }
          const others = (pci.value.groups[dev.group] ?? []).filter((a) => a !== dev.address);
          const members = others.flatMap((a) => byAddress.get(a) ?? []);
          const unlisted = others.filter((a) => !byAddress.has(a));
          const blockers = members.filter(blocksGroup);
          // A member whose driver the listing does not show may be on a host driver.
          const undetermined = members.filter((m) => !m.driverKnown && m.driver === null && !isBridge(m)).map((m) => m.address);
          const evidence = [dev.refs[0]!, ...members.map((m) => m.refs[0]!)];
          // A member the inventory does not show may be on a host driver: never a pass without it.
          if (blockers.length === 0 && (unlisted.length > 0 || undetermined.length > 0))
            return [
              r.unknown(
                'membersUnlisted',
                { group: dev.group, address: dev.address, unlisted: [...unlisted, ...undetermined].join(', ') },
                ['lspci -nnk'],
                {
                  device: dev.address,
                },
              ),
            ];
          if (blockers.length === 0)
            return [r.pass('viable', { group: dev.group, address: dev.address }, evidence, { device: dev.address })];
          const list = describe(blockers);
          return [
            r.fail(
              'blocked',
              { group: dev.group, address: dev.address, members: list },
              evidence,
              makeGroupViable(host.value, dev, blockers, dev.group, pci.value.devices, targets.value.vfioIds),
              { device: dev.address, related: blockers.map((b) => b.address) },
            ),
          ];
        }),
    ];
  },
});

function describe(devices: readonly PciDevice[]): string {
  return devices.map((b) => `${b.address} (${b.name ?? `${b.vendor}:${b.device}`}, driver ${b.driver})`).join(', ');
}
