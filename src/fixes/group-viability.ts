/**
 * Make an IOMMU group viable for VFIO: every endpoint in it must be bound to vfio-pci (or a
 * driver that manages no DMA, such as pci-stub) or have no driver. Three ways, in order of cost:
 * - functions of the same card (same bus:device, another function: a GPU's HDMI audio, USB-C and
 *   UCSI functions) go to vfio-pci with the card, as the guide does for the GTX 1080 Ti and its
 *   HDMI audio function (10de:1b06 + 10de:10ef) — by id when no other device on the host has the
 *   same id, else by address (src/fixes/vfio-binding.ts);
 * - unrelated devices: move the card to a slot wired to the CPU's root ports (own group), or
 *   enable ACS in the firmware where the board offers it;
 * - the out-of-tree ACS override patch (`pcie_acs_override=`) only splits groups on paper: the
 *   devices can still reach each other with peer-to-peer DMA, so a guest may read and write the
 *   host's devices in that group.
 */
import type { HostProfile } from '../facts/host-profile.js';
import type { PciDevice, VfioId } from '../facts/model.js';
import { bindAddressesAtBootSteps } from './bind-by-address.js';
import type { Fix, FixStep } from './fix.js';
import { isIdentifier } from './identifiers.js';
import { moduleOfDriver } from './module-of.js';
import { sh } from './shell.js';
import { vfioIdsAtBootSteps } from './vfio-binding.js';

/** Same slot (domain:bus:device), other function. */
function sameSlot(a: string, b: string): boolean {
  return a !== b && a.slice(0, a.lastIndexOf('.')) === b.slice(0, b.lastIndexOf('.'));
}

const idOf = (d: PciDevice): string => `${d.vendor}:${d.device}`;

const byIdIndexes = new WeakMap<readonly PciDevice[], ReadonlyMap<string, readonly PciDevice[]>>();

/** The inventory by vendor:device, built once per inventory: a fix per target must not scan every device. */
function byId(devices: readonly PciDevice[]): ReadonlyMap<string, readonly PciDevice[]> {
  let index = byIdIndexes.get(devices);
  if (index) return index;
  const built = new Map<string, PciDevice[]>();
  for (const d of devices) {
    const same = built.get(idOf(d));
    if (same) same.push(d);
    else built.set(idOf(d), [d]);
  }
  byIdIndexes.set(devices, (index = built));
  return index;
}

export function makeGroupViable(
  host: HostProfile,
  target: PciDevice,
  blockers: readonly PciDevice[],
  group: string,
  allDevices: readonly PciDevice[] = [],
  vfioIds: readonly VfioId[] = [],
): Fix {
  const siblings = blockers.filter((b) => sameSlot(b.address, target.address));
  const others = blockers.filter((b) => !sameSlot(b.address, target.address));
  const steps: FixStep[] = [];
  if (siblings.length > 0) {
    const card = [target, ...siblings];
    const ids = [...new Set(card.map(idOf))];
    const index = byId(allDevices);
    const shared = ids.some((id) => (index.get(id) ?? []).some((d) => !card.some((c) => c.address === d.address)));
    if (shared || allDevices.length === 0)
      steps.push(
        ...bindAddressesAtBootSteps(
          host,
          card.filter((d) => isIdentifier('pci-address', d.address)),
        ),
      );
    else {
      const modules = [
        ...new Set(
          siblings.flatMap((d) => (d.driver !== null ? [moduleOfDriver(d.driver, d.modules)] : [])).filter((m): m is string => m !== null),
        ),
      ];
      steps.push(...vfioIdsAtBootSteps(host, ids, modules, vfioIds));
    }
  }
  if (others.length > 0 && host.virtualMachine === true)
    steps.push({
      kind: 'note',
      text: `This host is a virtual machine: its IOMMU groups follow the PCIe topology the outer hypervisor gives it; there, put ${target.address} behind a root port of its own (QEMU -device pcie-root-port, libvirt <controller type="pci" model="pcie-root-port"/>), away from ${others.map((o) => o.address).join(', ')}.`,
    });
  else if (others.length > 0)
    steps.push(
      {
        kind: 'note',
        text: `Move the card at ${target.address} to a slot wired to the CPU (a root port of its own), so ${others.map((o) => o.address).join(', ')} no longer share its IOMMU group; the board manual's block diagram shows which slots hang off the chipset.`,
      },
      { kind: 'firmware', setting: 'Enable ACS (Access Control Services) for the PCIe root ports / switch, where the firmware offers it' },
    );
  const groupOk = /^\d{1,6}$/.test(group);
  steps.push(
    { kind: 'reboot' },
    groupOk
      ? {
          kind: 'verify',
          command: sh`ls /sys/kernel/iommu_groups/${group}/devices; lspci -nnk`.shell,
          expect: 'every endpoint in the group is bound to vfio-pci or has no driver',
        }
      : { kind: 'verify', command: 'lspci -nnk', expect: 'every endpoint in the group is bound to vfio-pci or has no driver' },
  );
  const caveats = [
    'Do not reach for the ACS override patch (pcie_acs_override=downstream,multifunction) lightly: it only tells the kernel to pretend the devices are isolated. They can still exchange peer-to-peer DMA, so the guest can read and write the other devices in the group, and through them host memory.',
  ];
  if (others.length > 0)
    caveats.push(
      `Passing ${others.map((o) => `${o.address} (${o.driver})`).join(', ')} to the same VM also makes the group viable, if the host can do without them.`,
    );
  return { summary: `Free IOMMU group ${group} of host-driven devices`, steps, caveats };
}
