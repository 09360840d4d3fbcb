/**
 * The devices behind each IOMMU unit (evidence id `iommu-devices`): `<unit> <device>` per entry of
 * /sys/class/iommu/<unit>/devices/, as the collector lists them (src/collector/collect.sh
 * gen_iommu_devices). The unit's name says its kind: `dmar<N>` Intel VT-d, `ivhd<N>` AMD-Vi,
 * `smmu3.<address>` ARM SMMUv3, `smmu.<address>` ARM SMMU (v1/v2); the kernel names them in
 * drivers/iommu/intel/dmar.c, amd/init.c, arm/arm-smmu-v3/arm-smmu-v3.c and arm/arm-smmu/arm-smmu.c.
 *
 * Sample: test/fixtures/iommu-devices/lab-arm64-healthy-dt-6.1.txt, line 1 (verbatim):
 *   smmu3.0x0000000009050000 0000:00:03.0
 * Output: one record per line with the unit, its kind and the device (a PCI address normalised,
 * another device name as listed); the units in order with their devices.
 * Quirks: the listing is empty when no IOMMU registered (this machine); other lines go to `unparsed`.
 */
import { fields, splitLines, type SourceLine, type UnparsedLine } from './lines.js';
import { normalizePciAddress } from './pci-address.js';

export type IommuUnitKind = 'intel-vt-d' | 'amd-vi' | 'arm-smmu-v3' | 'arm-smmu' | 'other';

export interface IommuDeviceLink extends SourceLine {
  readonly unit: string;
  readonly kind: IommuUnitKind;
  readonly device: string;
}

export interface IommuUnit {
  readonly name: string;
  readonly kind: IommuUnitKind;
  readonly devices: readonly string[];
}

export interface IommuDevices {
  readonly links: readonly IommuDeviceLink[];
  readonly units: readonly IommuUnit[];
  readonly unparsed: readonly UnparsedLine[];
}

export function iommuUnitKind(name: string): IommuUnitKind {
  if (/^dmar\d+$/.test(name)) return 'intel-vt-d';
  if (/^ivhd\d+$/.test(name)) return 'amd-vi';
  if (name.startsWith('smmu3.')) return 'arm-smmu-v3';
  if (name.startsWith('smmu.')) return 'arm-smmu';
  return 'other';
}

export function parseIommuDevices(text: string): IommuDevices {
  const links: IommuDeviceLink[] = [];
  const unparsed: UnparsedLine[] = [];
  const units = new Map<string, string[]>();
  for (const l of splitLines(text)) {
    const f = fields(l.text);
    if (f.length !== 2) {
      if (f.length > 0) unparsed.push(l);
      continue;
    }
    const unit = f[0] ?? '';
    const device = normalizePciAddress(f[1] ?? '') ?? f[1] ?? '';
    links.push({ ...l, unit, kind: iommuUnitKind(unit), device });
    const list = units.get(unit);
    if (list) list.push(device);
    else units.set(unit, [device]);
  }
  return { links, units: [...units].map(([name, devices]) => ({ name, kind: iommuUnitKind(name), devices })), unparsed };
}
