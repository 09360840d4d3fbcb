import { defineRule } from '../src/engine/define-rule.js';
import { passthroughGpus } from '../src/facts/cloudpods-devices.js';
import { MAX_PCI_FUNCTIONS } from '../src/facts/pci.js';
import { isCandidate, MAX_CANDIDATES } from '../src/facts/targets.js';

/** The listings that say which PCI functions and IOMMU groups the host has (lspci -nnvvv only stands in for the first two). */
const INVENTORY = new Map([
  ['pci-sysfs', 'the sysfs PCI inventory'],
  ['lspci-nnk', 'lspci -nnk'],
  ['iommu-groups', 'the IOMMU group listing'],
  ['lspci-vvv', 'lspci -nnvvv'],
]);
const CUT = new Set(['truncated', 'lost']);
const READ = new Set(['ok', 'truncated', 'lost']);

export default defineRule({
  id: 'inventory-cut',
  title: 'The PCI inventory in the bundle is cut, so devices past the cut are not analyzed',
  severity: 'error',
  tags: ['evidence', 'device'],
  source: 'Collector item cap (PTDOCTOR_MAX_ITEM_BYTES) and the reader limits of docs/security.md',
  needs: ['collection'],
  optional: ['pci', 'targets', 'cloudpods'],
  messages: {
    whole: 'The PCI inventory ({{listings}}) is in the bundle whole.',
    given: 'Evidence given by hand holds the part of the inventory that was pasted: whether it is all of it is not for the bundle to say.',
    noInventory: 'No PCI inventory is in the bundle (evidence-incomplete says why), so none was cut.',
    cut: 'The PCI inventory is cut ({{listings}}): the PCI functions and IOMMU group members past the cut are not analyzed, so the report covers {{functions}} and can miss a device or a group member that blocks passthrough.',
    candidatesCapped:
      '{{total}} GPUs, NICs, NVMe and USB controllers could be passed through and none is named, so only the first {{checked}} are checked.',
    gpusCapped:
      'The Cloudpods host service would take {{total}} GPUs, so its checks (driver, group, identical ids) are run on the first {{checked}} only.',
  },
  check({ collection, pci, targets, cloudpods }, r) {
    // A paste cut by grep is marked truncated by the loose reader: that is the customer's choice, not a cut.
    if (collection.value.layout === 'loose') return r.skip('given', {});
    const all = collection.value.inventory;
    const listed = all.some((i) => (i.id === 'pci-sysfs' || i.id === 'lspci-nnk') && READ.has(i.status));
    const items = all.filter((i) => INVENTORY.has(i.id) && (i.id !== 'lspci-vvv' || !listed));
    const cut = items.filter((i) => CUT.has(i.status));
    const functions = pci.state === 'known' ? `the ${pci.value.devices.length} PCI functions read` : 'no PCI function';
    // More functions than are analyzed (MAX_PCI_FUNCTIONS): cut on reading, though the bundle holds them.
    const overCap = pci.state === 'known' ? pci.value.cut : undefined;
    const listings = [
      ...cut.map((i) => `${INVENTORY.get(i.id)}, ${i.source}: ${i.status}`),
      ...(overCap ? [`${overCap.listed} PCI functions listed, more than the ${MAX_PCI_FUNCTIONS} analyzed`] : []),
    ];
    if (listings.length > 0)
      return r.fail(
        'cut',
        { listings: listings.join('; '), functions },
        [...cut.map((i) => ({ evidence: i.id, source: i.source, text: i.status })), ...(pci.state === 'known' ? pci.evidence : [])],
        {
          summary: 'Collect the PCI inventory whole',
          steps: [
            {
              kind: 'run',
              command: 'sudo env PTDOCTOR_MAX_ITEM_BYTES=33554432 sh collect.sh',
              why: 'the collector keeps 8 MiB of each item by default; this keeps 32 MiB',
            },
            {
              kind: 'note',
              text: 'ptdoctor itself reads at most 16 MiB and 400,000 lines of one file (docs/security.md): an inventory past that is cut on reading too, and the finding stays. Then analyze the devices that matter from a listing of their own: lspci -nnk -s <address> and ls -l /sys/kernel/iommu_groups/<group>/devices.',
            },
            { kind: 'note', text: 'Analyze the new bundle: it shows no inventory-cut finding.' },
          ],
        },
      );
    // Candidates (nothing named) are checked up to a cap; a host with more says so.
    const explicit = targets.state === 'known' && targets.value.devices.some((t) => t.explicit);
    const candidates = pci.state === 'known' && !explicit ? pci.value.devices.filter(isCandidate).length : 0;
    if (candidates > MAX_CANDIDATES && targets.state === 'known')
      return r.fail(
        'candidatesCapped',
        { total: candidates, checked: targets.value.devices.length },
        pci.state === 'known' ? pci.evidence : [],
        {
          summary: 'Name the devices to pass through',
          steps: [
            {
              kind: 'note',
              text: 'Name the devices meant for a VM, by address or vendor:device id, so that each of them is checked: ptdoctor analyze <bundle> --device <address> --device <vendor:device>.',
            },
          ],
        },
        { severity: 'warning', severityReason: 'the inventory is whole; only the choice of devices to check was cut' },
      );
    const gpus =
      pci.state === 'known' && cloudpods.state === 'known' && cloudpods.value.detected
        ? passthroughGpus(pci.value, cloudpods.value, Infinity).length
        : 0;
    if (gpus > MAX_CANDIDATES && pci.state === 'known')
      return r.fail(
        'gpusCapped',
        { total: gpus, checked: MAX_CANDIDATES },
        pci.evidence,
        {
          summary: 'Check the GPUs past the first ones on a host of their own',
          steps: [
            {
              kind: 'note',
              text: 'No real host has this many GPUs: check the inventory for duplicated devices, and analyze the GPUs meant for VMs by address: ptdoctor analyze <bundle> --device <address>.',
            },
          ],
        },
        { severity: 'warning', severityReason: 'the inventory is whole; only the GPUs checked were cut' },
      );
    if (pci.state !== 'known') return r.skip('noInventory', {});
    const whole = items.filter((i) => i.status === 'ok').map((i) => INVENTORY.get(i.id));
    return r.pass('whole', { listings: whole.join(', ') }, pci.evidence);
  },
});
