import { defineRule } from '../src/engine/define-rule.js';
import type { PciDevice } from '../src/facts/model.js';
import { chosenByAddress, idCaptures } from '../src/facts/vfio-id-twins.js';
import { bindByAddress } from '../src/fixes/bind-by-address.js';

/** Config lines cited per finding: a few prove the id is configured (a modprobe.d of 190,000 such lines is counted past these). */
const MAX_CITED_LINES = 16;
/** Identical devices named in one message: 4,096 VFs of one id are counted past these. */
const MAX_NAMED_TWINS = 16;

/** The addresses of `devices` but `d`, the first MAX_NAMED_TWINS of them named and the rest counted. */
function othersThan(devices: readonly PciDevice[], d: PciDevice): string {
  const named: string[] = [];
  for (const m of devices) {
    if (m === d) continue;
    if (named.length === MAX_NAMED_TWINS) return `${named.join(', ')} and ${devices.length - 1 - named.length} more`;
    named.push(m.address);
  }
  return named.join(', ');
}

// vfio-pci turns each `ids` entry into a dynamic id (drivers/vfio/pci/vfio_pci.c vfio_pci_fill_ids →
// pci_add_dynid), so it claims every device with that vendor:device pair, wherever it sits.
export default defineRule({
  id: 'vfio-ids-capture-twin',
  title: 'A vfio-pci id also takes an identical device the host needs',
  severity: 'warning',
  tags: ['vfio', 'device', 'binding'],
  source: 'drivers/vfio/pci/vfio_pci.c vfio_pci_fill_ids; Documentation/ABI/testing/sysfs-bus-pci driver_override',
  needs: ['targets', 'host'],
  optional: ['pci', 'hostStorage'],
  messages: {
    noIds: 'No vfio-pci ids are configured (vfio-pci.ids= on the command line, options vfio-pci ids= in modprobe.d).',
    noInventory: 'vfio-pci ids are configured ({{ids}}) but the PCI inventory is unknown: {{reason}}',
    noMatch: 'No device on this host has the configured vfio-pci id(s) {{ids}}.',
    single: '{{address}} is the only device with id {{id}}.',
    meant: '{{address}} shares id {{id}} with {{others}}, and each of them is named for passthrough by address.',
    unnamed:
      '{{address}} shares id {{id}} with {{others}}; none is named by address, so all are taken as meant, and {{address}} carries no host filesystem, swap or console.',
    storageUnknown:
      "{{address}} is a storage controller that shares id {{id}} with {{others}}, and which devices hold the host's filesystems and swap is unknown: {{reason}}",
    twin: 'vfio-pci id {{id}} also takes {{address}} (now on {{driver}}){{why}}: the devices meant are {{meant}}, and binding by id takes every identical device.',
  },
  check({ targets, host, pci, hostStorage }, r) {
    const ids = targets.value.vfioIds;
    if (ids.length === 0) return r.skip('noIds', {});
    const raw = [...new Set(ids.map((v) => v.raw))].join(',');
    if (pci.state !== 'known') return r.unknown('noInventory', { ids: raw, reason: pci.reason }, pci.collect);
    const captures = idCaptures(ids, pci.value).filter((c) => c.matches.length > 0);
    if (captures.length === 0) return r.pass('noMatch', { ids: raw }, [...new Set(ids.map((v) => v.ref))].slice(0, MAX_CITED_LINES));
    const chosen = chosenByAddress(targets.value);
    const storage = hostStorage.state === 'known' ? hostStorage.value.devices : [];
    return captures.flatMap((c) => {
      const cited = c.refs.slice(0, MAX_CITED_LINES);
      const meant = c.matches.filter((m) => chosen.has(m.address));
      return c.matches.map((d) => {
        if (c.matches.length === 1) return r.pass('single', { address: d.address, id: c.id }, [...cited, ...d.refs], { device: d.address });
        const others = othersThan(c.matches, d);
        const backs = storage.find((s) => s.address === d.address);
        const hostNeeds = backs ? `, which carries ${backs.why}` : d.bootVga === true ? ', the boot VGA (the host console)' : '';
        if (!hostNeeds && meant.length === 0 && hostStorage.state !== 'known' && d.classCode.startsWith('01'))
          return r.unknown('storageUnknown', { address: d.address, id: c.id, others, reason: hostStorage.reason }, hostStorage.collect, {
            device: d.address,
          });
        if (!hostNeeds && (meant.length === 0 || chosen.has(d.address)))
          return r.pass(
            meant.length === 0 ? 'unnamed' : 'meant',
            { address: d.address, id: c.id, others },
            [...cited, ...d.refs, ...(hostStorage.state === 'known' ? hostStorage.evidence : [])],
            { device: d.address },
          );
        const passThrough = meant.filter((m) => m !== d);
        const passing = new Set(passThrough);
        const keep = c.matches.filter((m) => !passing.has(m));
        return r.fail(
          'twin',
          {
            id: c.id,
            address: d.address,
            driver: d.driver ?? 'no driver',
            why: hostNeeds,
            meant: passThrough.map((m) => m.address).join(', ') || 'not named by address',
          },
          [...cited, ...d.refs, ...(backs ? [backs.ref] : [])],
          bindByAddress(host.value, c, passThrough, keep, targets.value.vfioIds),
          {
            device: d.address,
            ...(hostNeeds
              ? {
                  severity: 'error' as const,
                  severityReason: backs ? "the twin holds the host's own storage" : "the twin is the host's boot console GPU",
                }
              : {}),
          },
        );
      });
    });
  },
});
