import { defineRule } from '../src/engine/define-rule.js';

// A device named with --device that the PCI inventory lacks: every device check would otherwise
// pass over it in silence. A collector's inventory lists every device the kernel enumerated; a
// paste lists what its poster chose to show, so there the absence proves nothing.
export default defineRule({
  id: 'device-not-found',
  title: 'A device named for passthrough is not on the host',
  severity: 'warning',
  tags: ['device'],
  source: 'sysfs PCI inventory (/sys/bus/pci/devices) and lspci -nnk against the --device list',
  needs: ['targets', 'pci', 'collection'],
  messages: {
    found: 'Every device named with --device is in the PCI inventory.',
    none: 'No device is named with --device.',
    missing:
      '{{devices}} named with --device {{verb}} not in the PCI inventory the collector took: the address or id is wrong, it is a virtual function that was not created (see sriov-vfs-not-created), or the kernel does not see the device (removed, hidden by the firmware, or fallen off the bus).',
    notGiven:
      '{{devices}} named with --device {{verb}} not in the listings given, which show only what was pasted; the device checks cannot look at {{them}}.',
  },
  check({ targets, pci, collection }, r) {
    const unmatched = targets.value.unmatched;
    if (unmatched.length === 0) {
      const named = targets.value.devices.filter((t) => t.why.some((w) => w.startsWith('--device ')));
      return named.length === 0
        ? r.skip('none', {})
        : r.pass(
            'found',
            {},
            named.flatMap((t) => t.refs.slice(0, 1)),
          );
    }
    const data = {
      devices: unmatched.join(', '),
      verb: unmatched.length === 1 ? 'is' : 'are',
      them: unmatched.length === 1 ? 'it' : 'them',
    };
    const collect = ['lspci -nnk', 'ls /sys/bus/pci/devices'];
    // Only a collector's whole inventory proves a device absent.
    if (collection.value.layout !== 'bundle' || pci.gaps.length > 0) return r.unknown('notGiven', data, collect);
    return r.fail('missing', data, pci.evidence.slice(0, 2), {
      summary: 'Check the device named for passthrough',
      steps: [
        { kind: 'run', command: 'lspci -nn', why: 'lists the PCI devices the kernel sees, with their vendor:device ids' },
        {
          kind: 'note',
          text: 'A device that the firmware setup lists but the kernel does not: reseat it, check its slot is enabled in the firmware, and look for "link down" or AER lines in dmesg.',
        },
      ],
    });
  },
});
