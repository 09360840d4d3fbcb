/**
 * Layout of the IOMMU-group picture. The lab sample gives the real case (two e1000 NICs behind one
 * conventional PCI bridge, samples/lab-group-shared/README.md); a generated 300-function PciFacts
 * checks that a large server stays one readable picture. The generated inventory is a layout
 * input, not evidence: no parser or rule sees it.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceReadiness } from '../../src/analysis/device-readiness.js';
import { analyzeBundle } from '../../src/analyze.js';
import type { PciDevice, PciFacts } from '../../src/facts/model.js';
import { renderHtml } from '../../src/report/render.js';
import { buildTopology, LAYOUT, type TopologyView } from '../../src/report/topology.js';
import { anchorFor } from '../../src/report/finding-view.js';
import { buildReportView } from '../../src/report/view-model.js';
import groupNotViable from '../../rules/group-not-viable.js';
import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { runRules } from '../../src/engine/run-rules.js';
import { known, unknown } from '../../src/facts/fact.js';
import type { Facts } from '../../src/facts/facts.js';
import { sampleBundle } from '../helpers/bundle-from.js';

function dev(address: string, classCode: string, driver: string | null, group: string, parents: string[] = []): PciDevice {
  return {
    address,
    vendor: '8086',
    device: '0000',
    subsystem: null,
    classCode,
    className: null,
    name: `Device ${address}`,
    driver,
    driverKnown: true,
    modules: [],
    group,
    driverOverride: null,
    bootVga: null,
    resetMethod: null,
    sriovTotalVfs: null,
    sriovNumVfs: null,
    physfn: null,
    parents,
    flr: null,
    pcieType: null,
    refs: [{ evidence: 'pci-sysfs', source: 'generated layout input', text: address }],
  };
}

const realHost = analyzeBundle(sampleBundle('lab-group-shared'), { rules: [] }).facts.host;

/** What the group rule finds on a generated inventory: the picture draws blockers from findings only. */
function groupFindings(pci: PciFacts, targets: readonly DeviceReadiness[]): Finding[] {
  const facts = {
    targets: known({
      devices: targets.map((t) => ({ address: t.address, explicit: true, why: [], refs: [] })),
      vfioIds: [],
      unmatched: [],
    }),
    pci: known(pci),
    host: realHost,
    logEvents: unknown('a layout input has no log', []),
  } as unknown as Facts;
  return runRules([groupNotViable], facts);
}

function target(address: string): DeviceReadiness {
  return { address, target: true, why: ['--device'], verdict: 'blocked', blockers: [], undecided: [], warnings: [] };
}

/** 300 functions: 100 root ports each with two functions behind it in its own group, a GPU whose audio function stays on the host, and two NICs already on vfio-pci. */
function bigServer(): { pci: PciFacts; targets: DeviceReadiness[] } {
  const devices: PciDevice[] = [];
  const groups: Record<string, string[]> = {};
  const add = (d: PciDevice): void => {
    devices.push(d);
    (groups[d.group!] ??= []).push(d.address);
  };
  for (let i = 0; i < 99; i += 1) {
    const bus = (i + 1).toString(16).padStart(2, '0');
    const port = `0000:00:${(i % 32).toString(16).padStart(2, '0')}.${Math.floor(i / 32)}`;
    add(dev(port, '060400', 'pcieport', String(i)));
    add(dev(`0000:${bus}:00.0`, '020000', i === 7 || i === 8 ? 'vfio-pci' : 'ixgbe', String(i), [port]));
    add(dev(`0000:${bus}:00.1`, '020000', i === 7 || i === 8 ? 'vfio-pci' : 'ixgbe', String(i), [port]));
  }
  add(dev('0000:00:1f.0', '060400', 'pcieport', '99'));
  add(dev('0000:c1:00.0', '030000', 'vfio-pci', '99', ['0000:00:1f.0']));
  add(dev('0000:c1:00.1', '040300', 'snd_hda_intel', '99', ['0000:00:1f.0']));
  return { pci: { devices, groups, groupsFrom: 'sysfs' }, targets: [target('0000:c1:00.0')] };
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('IOMMU-group picture layout', () => {
  it('lab-group-shared: group 4 is drawn first, target and blocking member marked, the rest counted', () => {
    const analysis = analyzeBundle(sampleBundle('lab-group-shared'), { rules: builtinRules });
    const pci = analysis.facts.pci.state === 'known' ? analysis.facts.pci.value : null;
    const t = buildTopology(pci, analysis.devices, analysis.findings, anchorFor)!;
    const g = t.groups[0]!;
    expect(g.title).toBe('IOMMU group 4');
    expect(g.status).toBe('blocked');
    expect(g.devices.map((d) => [d.address, d.state, d.isTarget, d.isBlocker])).toEqual([
      ['00:05.0', 'bridge', false, false],
      ['03:01.0', 'vfio', true, false],
      ['03:02.0', 'host', false, true],
    ]);
    // The NICs sit behind the bridge (sysfs path), so they are indented under it.
    expect(g.devices[1]!.x).toBeGreaterThan(g.devices[0]!.x);
    expect(t.totalGroups).toBe(8);
    expect(t.collapsed?.text).toMatch(/^7 more groups \(9 devices\)/);
  });

  it('300 functions: only groups of interest are drawn, everything else is counted, nothing overlaps', () => {
    const { pci, targets } = bigServer();
    expect(pci.devices).toHaveLength(300);
    const t = buildTopology(pci, targets, groupFindings(pci, targets), anchorFor) as TopologyView;
    expect(t.totalDevices).toBe(300);
    expect(t.groups.map((g) => g.title)).toEqual(['IOMMU group 99', 'IOMMU group 7', 'IOMMU group 8']);
    const [gpu, nic7, nic8] = t.groups;
    expect(gpu!.status).toBe('blocked');
    expect(gpu!.devices.filter((d) => d.isBlocker).map((d) => d.address)).toEqual(['c1:00.1']);
    expect(gpu!.devices.filter((d) => d.isTarget).map((d) => d.address)).toEqual(['c1:00.0']);
    expect(nic7!.status).toBe('viable');
    expect(nic8!.status).toBe('viable');
    expect(t.collapsed?.text).toMatch(/^97 more groups \(291 devices\)/);
    expect(t.height).toBeLessThan(600);
    for (const [i, a] of t.groups.entries()) {
      expect(a.x + a.width).toBeLessThanOrEqual(t.width);
      for (const b of t.groups.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('300 functions, every NIC a target: at most the group cap is drawn, the rest counted exactly', () => {
    const { pci } = bigServer();
    const everyNic = pci.devices.filter((d) => d.classCode === '020000' && d.address.endsWith('.0')).map((d) => target(d.address));
    const t = buildTopology(pci, everyNic, groupFindings(pci, everyNic), anchorFor)!;
    expect(t.groups.length).toBe(LAYOUT.maxGroups);
    const drawnGroups = new Set(t.groups.map((g) => g.title));
    const hiddenDevices = Object.entries(pci.groups)
      .filter(([id]) => !drawnGroups.has(`IOMMU group ${id}`))
      .reduce((n, [, m]) => n + m.length, 0);
    expect(t.collapsed?.text).toBe(
      `${t.totalGroups - LAYOUT.maxGroups} more groups (${hiddenDevices} devices) not drawn: see "All PCI devices".`,
    );
    expect(t.height).toBeLessThan(3000);
  });

  it('a group of 60 functions is cut to its target and blocking members, with a count of the rest', () => {
    const { pci, targets } = bigServer();
    const big: PciDevice[] = Array.from({ length: 60 }, (_, i) =>
      dev(`0000:e0:${(i >> 3).toString(16).padStart(2, '0')}.${i & 7}`, '020000', 'ixgbe', '500'),
    );
    const pciBig: PciFacts = { ...pci, devices: [...pci.devices, ...big], groups: { ...pci.groups, 500: big.map((d) => d.address) } };
    const t = buildTopology(
      pciBig,
      [...targets, target('0000:e0:03.0')],
      groupFindings(pciBig, [...targets, target('0000:e0:03.0')]),
      anchorFor,
    )!;
    const card = t.groups.find((g) => g.title === 'IOMMU group 500')!;
    expect(card.devices).toHaveLength(2 * LAYOUT.maxRows);
    expect(card.devices.filter((d) => d.isTarget).map((d) => d.address)).toEqual(['e0:03.0']);
    expect(card.devices.filter((d) => d.isBlocker)).toHaveLength(2 * LAYOUT.maxRows - 1);
    expect(card.more).toBe(`+ ${60 - 2 * LAYOUT.maxRows} more: ${60 - 2 * LAYOUT.maxRows} on host drivers`);
    expect(card.height).toBe(LAYOUT.head + 2 * LAYOUT.maxRows * LAYOUT.row + 20 + 8);
  });

  it('the picture renders into the report: every drawn group and device is an SVG element, and the size stays bounded', () => {
    const analysis = analyzeBundle(sampleBundle('lab-group-shared'), { rules: builtinRules });
    const view = buildReportView(analysis, { generatedAt: 'fixed', toolVersion: 'test', docs: new Map(), picture: true });
    const { pci, targets } = bigServer();
    const topology = buildTopology(pci, targets, groupFindings(pci, targets), anchorFor)!;
    const html = renderHtml({ ...view, topology });
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>') + 6);
    expect(svg.match(/<g class="grp /g)).toHaveLength(topology.groups.length);
    expect(svg.match(/<g class="dev /g)).toHaveLength(topology.groups.reduce((n, g) => n + g.devices.length, 0));
    expect(svg).not.toMatch(/\sstyle=|href="(?!#)|xlink:href|<image|<foreignObject|<script/);
    expect(svg.length).toBeLessThan(40_000);
  });

  it('two targets in one group: the picture marks what the finding names, the host-driven target included', () => {
    const { pci } = bigServer();
    const both = [target('0000:c1:00.0'), target('0000:c1:00.1')];
    const findings = groupFindings(pci, both);
    const named = findings.filter((f) => f.status === 'fail').flatMap((f) => f.related ?? []);
    expect(named).toContain('0000:c1:00.1');
    const card = buildTopology(pci, both, findings, anchorFor)!.groups.find((g) => g.title === 'IOMMU group 99')!;
    expect(card.status).toBe('blocked');
    expect(card.devices.filter((d) => d.isBlocker).map((d) => d.address)).toEqual(['c1:00.1']);
  });

  it('no PCI inventory, no picture', () => {
    expect(buildTopology(null, [], [], anchorFor)).toBeNull();
  });
});
