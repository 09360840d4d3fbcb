/**
 * The network devices of a host (evidence id `net-devices`), as the collector synthesizes them
 * (src/collector/collect.sh gen_net_devices): a `[name]` block per /sys/class/net entry with
 * `key=value` lines, then one line per route or address kind that a device carries.
 *
 * Sample: test/fixtures/net-devices/lab-host-driver-claims-6.1.txt, lines 1–6 (verbatim):
 *   [eth0]
 *   path=/sys/devices/pci0000:00/0000:00:03.0/0000:01:00.0/net/eth0
 *   device=0000:01:00.0
 *   driver=e1000e
 *   type=1
 *   operstate=down
 * Output: one NetDevice per block — its sysfs path, the PCI function it sits on (the last PCI
 * address of the path) and how (`pci`: the function is the NIC; `virtio`, `usb`: through that bus;
 * `virtual`: no hardware, a bridge, bond, veth or lo; `platform`: an SoC NIC), driver, bridge or bond
 * (`master`) and members (`lower`), ARPHRD type, operstate — and what it carries: an IPv4 default
 * route, directly attached IPv4 subnets (it has an address there), routes through a gateway, an IPv6
 * default route, a global IPv6 address. Addresses themselves are not in the evidence.
 * Quirks: a virtio NIC's path runs through `virtioN` below its PCI function (fixture
 * firecracker-6.18.txt line 2); on a bridge the traffic is the bridge's while the PCI function is
 * its member's (firecracker-6.18-netns-bridge.txt: br0 carries the routes, v0 has master=br0).
 * Lines of no known form go to `unparsed`.
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { normalizePciAddress } from './pci-address.js';

export type NetAttachment = 'pci' | 'virtio' | 'usb' | 'platform' | 'virtual' | 'other';

export interface NetCarries {
  readonly ipv4Default: boolean;
  readonly ipv4Subnet: boolean;
  readonly ipv4Gateway: boolean;
  readonly ipv6Default: boolean;
  readonly ipv6Global: boolean;
}

export interface NetDevice extends SourceLine {
  readonly name: string;
  /** Real sysfs path of the device; null when not listed. */
  readonly path: string | null;
  /** The PCI function under the device, normalised; null when none (virtual, platform). */
  readonly pciAddress: string | null;
  readonly attachment: NetAttachment | null;
  readonly device: string | null;
  readonly driver: string | null;
  /** The bridge or bond the device is a port of. */
  readonly master: string | null;
  /** The devices under it (bridge ports, bond slaves, a VLAN's parent). */
  readonly lowers: readonly string[];
  /** ARPHRD_* (1 Ethernet, 772 loopback, 32 InfiniBand). */
  readonly type: number | null;
  readonly operstate: string | null;
  readonly carries: NetCarries;
  /** The lines of the block after its header. */
  readonly lines: readonly SourceLine[];
}

export interface NetRouteLine extends SourceLine {
  readonly kind: 'route4' | 'route6' | 'addr6';
  readonly device: string;
  readonly scope: string;
}

export interface NetDevices {
  readonly devices: readonly NetDevice[];
  readonly routes: readonly NetRouteLine[];
  readonly unparsed: readonly UnparsedLine[];
}

const HEADER = /^\[([^\]\s/]+)\]$/;
const ROUTE = /^(route4|route6|addr6) (\S+) (\S+)$/;
const PCI_FUNCTION = /^[0-9a-f]{4,8}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]$/i;
const KEYS = new Set(['path', 'device', 'driver', 'master', 'lower', 'type', 'operstate']);

interface Block {
  head: SourceLine;
  name: string;
  values: Map<string, string>;
  lines: SourceLine[];
}

/** Where the device hangs: the last PCI function of its path and what follows it. */
function attachmentOf(path: string): { pciAddress: string | null; attachment: NetAttachment } {
  const parts = path.split('/');
  let last = -1;
  for (let i = 0; i < parts.length; i++) if (PCI_FUNCTION.test(parts[i] ?? '')) last = i;
  if (last < 0) {
    if (parts.includes('virtual')) return { pciAddress: null, attachment: 'virtual' };
    return { pciAddress: null, attachment: parts.includes('platform') ? 'platform' : 'other' };
  }
  const next = parts[last + 1] ?? '';
  const attachment: NetAttachment =
    next === 'net' ? 'pci' : next.startsWith('virtio') ? 'virtio' : next.startsWith('usb') ? 'usb' : 'other';
  return { pciAddress: normalizePciAddress(parts[last] ?? '') ?? null, attachment };
}

export function parseNetDevices(text: string): NetDevices {
  const blocks: Block[] = [];
  const routes: NetRouteLine[] = [];
  const unparsed: UnparsedLine[] = [];
  let open: Block | null = null;
  for (const l of splitLines(text)) {
    if (l.text === '') {
      open = null;
      continue;
    }
    const h = HEADER.exec(l.text);
    if (h) {
      open = { head: l, name: h[1] ?? '', values: new Map(), lines: [] };
      blocks.push(open);
      continue;
    }
    const r = ROUTE.exec(l.text);
    if (r) {
      routes.push({ ...l, kind: r[1] as NetRouteLine['kind'], device: r[2] ?? '', scope: r[3] ?? '' });
      continue;
    }
    const eq = l.text.indexOf('=');
    const key = eq > 0 ? l.text.slice(0, eq) : '';
    if (open && KEYS.has(key) && !open.values.has(key)) {
      open.values.set(key, l.text.slice(eq + 1));
      open.lines.push(l);
      continue;
    }
    unparsed.push(l);
  }
  const carried = new Map<string, Set<string>>();
  for (const r of routes) {
    const set = carried.get(r.device) ?? new Set<string>();
    set.add(`${r.kind} ${r.scope}`);
    carried.set(r.device, set);
  }
  const devices = blocks.map((b): NetDevice => {
    const v = (k: string): string | null => b.values.get(k) ?? null;
    const path = v('path');
    const where = path === null ? null : attachmentOf(path);
    const type = v('type');
    const c = carried.get(b.name) ?? new Set<string>();
    return {
      line: b.head.line,
      text: b.head.text,
      name: b.name,
      path,
      pciAddress: where?.pciAddress ?? null,
      attachment: where?.attachment ?? null,
      device: v('device'),
      driver: v('driver'),
      master: v('master'),
      lowers: (v('lower') ?? '').split(' ').filter((x) => x !== ''),
      type: type !== null && /^\d+$/.test(type) ? Number(type) : null,
      operstate: v('operstate'),
      carries: {
        ipv4Default: c.has('route4 default'),
        ipv4Subnet: c.has('route4 subnet'),
        ipv4Gateway: c.has('route4 gateway'),
        ipv6Default: c.has('route6 default'),
        ipv6Global: c.has('addr6 global'),
      },
      lines: b.lines,
    };
  });
  return { devices, routes, unparsed };
}
