/**
 * The IOMMU and MSI wiring of a device-tree boot (evidence id `devicetree-iommu`): the nodes of
 * /sys/firmware/devicetree/base that carry `iommus`, `iommu-map`, `iommu-map-mask`,
 * `#iommu-cells`, `msi-map`, `msi-map-mask`, `msi-parent` or `msi-controller`, one
 * `<property> <node>` line each, and for the providers (`#iommu-cells`, `msi-controller`) their
 * `compatible <node> <strings>` and `status <node> <value>` (src/collector/collect.sh
 * gen_devicetree_iommu). Bindings: Documentation/devicetree/bindings/iommu/iommu.txt,
 * pci/pci-iommu.txt and pci/pci-msi.txt of the kernel.
 *
 * Sample: test/fixtures/devicetree-iommu/lab-arm64-healthy-dt-6.1.txt, lines 5–6 (verbatim):
 *   #iommu-cells /smmuv3@9050000
 *   compatible /smmuv3@9050000 arm,smmu-v3
 * Output: every listed node with its properties, compatible strings and status, in listing order;
 * the IOMMU providers (`#iommu-cells`), the MSI controllers (`msi-controller`: a GICv3 ITS is
 * `arm,gic-v3-its`), and the masters wired to an IOMMU (`iommus` or, for a PCI host bridge,
 * `iommu-map`) or to an MSI controller (`msi-parent`, `msi-map`).
 * Quirks: `status` is absent on enabled nodes (the fixture); a disabled SMMU node says
 * `status <node> disabled`. The listing stops at 4096 lines with `# more not listed`; other lines
 * go to `unparsed`.
 */
import { splitLines, type SourceLine, type UnparsedLine } from './lines.js';

export interface DeviceTreeNode extends SourceLine {
  /** Path below the device-tree root, e.g. `/pcie@10000000`. */
  readonly node: string;
  readonly properties: readonly string[];
  readonly compatible: readonly string[];
  /** `okay`, `disabled`…; null when the node has no status property (enabled). */
  readonly status: string | null;
}

export interface DeviceTreeIommu {
  readonly nodes: readonly DeviceTreeNode[];
  readonly iommuProviders: readonly string[];
  readonly msiControllers: readonly string[];
  readonly iommuMasters: readonly string[];
  readonly msiMasters: readonly string[];
  /** The listing was cut at its bound. */
  readonly cut: boolean;
  readonly unparsed: readonly UnparsedLine[];
}

const PROPERTIES: ReadonlySet<string> = new Set([
  'iommus',
  'iommu-map',
  'iommu-map-mask',
  '#iommu-cells',
  'msi-map',
  'msi-map-mask',
  'msi-parent',
  'msi-controller',
]);

export function parseDevicetreeIommu(text: string): DeviceTreeIommu {
  const nodes = new Map<string, { first: SourceLine; properties: string[]; compatible: string[]; status: string | null }>();
  const unparsed: UnparsedLine[] = [];
  let cut = false;
  const nodeOf = (l: SourceLine, path: string): { properties: string[]; compatible: string[]; status: string | null } => {
    let n = nodes.get(path);
    if (!n) {
      n = { first: l, properties: [], compatible: [], status: null };
      nodes.set(path, n);
    }
    return n;
  };
  for (const l of splitLines(text)) {
    if (l.text === '# more not listed') {
      cut = true;
      continue;
    }
    const sp = l.text.indexOf(' ');
    const key = sp > 0 ? l.text.slice(0, sp) : '';
    const rest = sp > 0 ? l.text.slice(sp + 1) : '';
    if (PROPERTIES.has(key) && rest.startsWith('/') && !rest.includes(' ')) {
      nodeOf(l, rest).properties.push(key);
      continue;
    }
    if ((key === 'compatible' || key === 'status') && rest.startsWith('/')) {
      const sp2 = rest.indexOf(' ');
      const path = sp2 > 0 ? rest.slice(0, sp2) : rest;
      const value = sp2 > 0 ? rest.slice(sp2 + 1) : '';
      const n = nodeOf(l, path);
      if (key === 'compatible') n.compatible.push(...value.split(' ').filter((v) => v !== ''));
      else n.status = value;
      continue;
    }
    if (l.text.trim() !== '') unparsed.push(l);
  }
  const list = [...nodes].map(([node, n]): DeviceTreeNode => ({
    ...n.first,
    node,
    properties: n.properties,
    compatible: n.compatible,
    status: n.status,
  }));
  const having = (...props: string[]): string[] => list.filter((n) => props.some((p) => n.properties.includes(p))).map((n) => n.node);
  return {
    nodes: list,
    iommuProviders: having('#iommu-cells'),
    msiControllers: having('msi-controller'),
    iommuMasters: having('iommus', 'iommu-map'),
    msiMasters: having('msi-parent', 'msi-map'),
    cut,
    unparsed,
  };
}
