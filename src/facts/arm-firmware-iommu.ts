/**
 * Does the firmware of an arm64 host describe an SMMU? ACPI servers describe it in the IORT table,
 * device-tree boards with an `#iommu-cells` node (`arm,smmu-v3`, `arm,mmu-500`, …) that PCI hosts
 * reach through `iommu-map` (Documentation/devicetree/bindings/iommu/, pci/pci-iommu.txt).
 *
 * IORT alone does not mean an SMMU: it also maps the PCI root complex to the GICv3 ITS for MSIs, so
 * a server with the SMMU off in its firmware still has one (test/fixtures/lab-arm64/no-smmu-acpi-6.1:
 * IORT of 0x80 bytes, against 0xEC with the SMMU node). What proves the SMMU is the SMMU itself:
 * its unit in /sys/class/iommu (`smmu3.0x…`, `smmu.0x…`; iommu-devices), the driver's probe line
 * (`arm-smmu-v3 arm-smmu-v3.0.auto: ias 44-bit, …`, src/log-catalog/arm-smmu.ts; `.auto` devices are
 * the ones ACPI creates), or the device tree's SMMU node. Its absence under ACPI is proved only when
 * nothing could hide it: /sys/class/iommu read whole and empty, a kernel log that still starts at
 * boot with no probe line, and a kernel with the driver built in (CONFIG_ARM_SMMU_V3=y or
 * CONFIG_ARM_SMMU=y; as a module it may simply not be loaded).
 */
import type { Evidence } from '../evidence/evidence.js';
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { classifyLogLine } from '../log-catalog/index.js';
import { parseDevicetreeIommu, type DeviceTreeNode } from '../parsers/devicetree-iommu.js';
import { iommuUnitKind, parseIommuDevices } from '../parsers/iommu-devices.js';
import { parseNameList } from '../parsers/name-list.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { collectHint, fileRef, refTo, whyMissing } from './evidence-ref.js';
import { buildKernelConfig } from './kernel-config.js';
import { logLines, logRef, logShowsAbsence } from './kernel-log.js';
import type { FirmwareIommuFacts, KernelLogFacts } from './model.js';

type SmmuKind = NonNullable<FirmwareIommuFacts['smmu']>['kind'];

const readable = (e: Evidence): boolean => e.status === 'ok' || e.status === 'absent';

function kindOfUnit(name: string): SmmuKind {
  const k = iommuUnitKind(name);
  return k === 'arm-smmu-v3' ? 'SMMUv3' : k === 'arm-smmu' ? 'SMMUv1/v2' : null;
}

function kindOfNode(n: DeviceTreeNode): SmmuKind {
  if (n.compatible.includes('arm,smmu-v3')) return 'SMMUv3';
  if (n.compatible.some((c) => /smmu|mmu-[45]00|mmu-401/.test(c))) return 'SMMUv1/v2';
  return 'IOMMU';
}

export function armFirmwareIommu(ev: EvidenceSource, log: Fact<KernelLogFacts>): Fact<FirmwareIommuFacts> {
  const tables = ev.one('acpi-tables');
  const dtEv = ev.one('devicetree-iommu');
  const acpiListed = tables.status === 'ok' && tables.text.trim() !== '';
  const iortListed = acpiListed ? parseNameList(tables.text).names.find((n) => n.name === 'IORT') : undefined;
  const iortLine = log.state === 'known' ? logLines(log.value, 'ACPI: IORT ')[0] : undefined;
  const dt = dtEv.status === 'ok' ? parseDevicetreeIommu(dtEv.text) : null;
  const via: 'acpi' | 'devicetree' | null = acpiListed || iortLine ? 'acpi' : dt ? 'devicetree' : null;

  // The SMMU as the kernel sees it: a unit, or the driver's probe line.
  const unitsEv = ev.one('sys-class-iommu');
  const devicesEv = ev.one('iommu-devices');
  const units = [
    ...(unitsEv.status === 'ok' ? parseNameList(unitsEv.text).names.map((n) => ({ name: n.name, ref: refTo(unitsEv, n) })) : []),
    ...(devicesEv.status === 'ok' ? parseIommuDevices(devicesEv.text).links.map((l) => ({ name: l.unit, ref: refTo(devicesEv, l) })) : []),
  ];
  const unit = units.find((u) => kindOfUnit(u.name) !== null);
  const probe = log.state === 'known' ? smmuProbeLine(log.value) : null;
  if (unit || probe) {
    const kind = unit ? kindOfUnit(unit.name) : (probe?.kind ?? null);
    const v = via ?? (probe?.acpi ? 'acpi' : 'devicetree');
    const refs = [...(unit ? [unit.ref] : []), ...(probe ? [probe.ref] : [])];
    return known({ table: v === 'acpi' ? 'IORT' : null, decidedBy: unit ? 'iommu-units' : 'kernel-log', smmu: { kind, via: v } }, refs);
  }

  // A device-tree boot: the device tree is the firmware's word.
  if (via === 'devicetree' && dt) {
    const providers = dt.nodes.filter((n) => n.properties.includes('#iommu-cells'));
    const enabled = providers.find((n) => n.status === null || n.status === 'okay' || n.status === 'ok');
    if (enabled) return known({ table: null, decidedBy: 'devicetree', smmu: { kind: kindOfNode(enabled), via } }, [refTo(dtEv, enabled)]);
    const cited = providers[0] ?? dt.nodes[0];
    return known({ table: null, decidedBy: 'devicetree', smmu: { kind: null, via } }, [
      cited ? refTo(dtEv, cited) : fileRef(dtEv, '(no node with iommus, iommu-map or #iommu-cells)'),
    ]);
  }

  if (via === 'acpi') {
    const at: EvidenceRef | undefined = iortListed
      ? refTo(tables, iortListed)
      : iortLine && log.state === 'known'
        ? logRef(log.value, iortLine)
        : undefined;
    if (!at) {
      // An ACPI arm64 host without IORT has no SMMU (nor an ITS mapping) described at all.
      const first = parseNameList(tables.text).names[0];
      return known({ table: null, decidedBy: 'acpi-tables', smmu: { kind: null, via } }, [
        refTo(tables, {
          line: first?.line ?? 1,
          text: `tables: ${parseNameList(tables.text)
            .names.map((n) => n.name)
            .join(' ')}`,
        }),
      ]);
    }
    const driver = builtInDriver(ev);
    const whole = readable(unitsEv) && log.state === 'known' && logShowsAbsence(log.value);
    if (whole && driver) {
      const first = log.state === 'known' ? log.value.lines[0] : undefined;
      const refs = [at, driver, fileRef(unitsEv, '(no SMMU unit)'), ...(first && log.state === 'known' ? [logRef(log.value, first)] : [])];
      return known({ table: null, decidedBy: 'acpi-tables', smmu: { kind: null, via } }, refs);
    }
    const why = !driver
      ? 'the kernel configuration does not show the SMMU driver built in (CONFIG_ARM_SMMU_V3=y)'
      : !whole
        ? `${readable(unitsEv) ? 'the kernel log no longer starts at boot' : whyMissing(unitsEv)}`
        : '';
    return unknown(`the IORT table is there, but whether it describes an SMMU cannot be told: ${why}`, [
      collectHint(unitsEv),
      'sudo dmesg',
      'grep ARM_SMMU /boot/config-$(uname -r)',
    ]);
  }
  return unknown(
    `neither the ACPI table listing nor the device tree's IOMMU nodes are in the bundle (${whyMissing(tables)}; ${whyMissing(dtEv)})`,
    [collectHint(tables), collectHint(dtEv), 'sudo dmesg'],
  );
}

/** An SMMU driver's probe line (src/log-catalog/arm-smmu.ts), and whether the SMMU came from ACPI (`.auto` platform devices). */
function smmuProbeLine(log: KernelLogFacts): { kind: SmmuKind; acpi: boolean; ref: EvidenceRef } | null {
  for (const l of logLines(log, 'arm-smmu')) {
    const m = classifyLogLine(l.message).find((x) => x.entry.id === 'arm-smmu-v3-probed' || x.entry.id === 'arm-smmu-probed');
    if (m)
      return {
        kind: m.entry.id === 'arm-smmu-v3-probed' ? 'SMMUv3' : 'SMMUv1/v2',
        acpi: l.message.includes('.auto: '),
        ref: logRef(log, l),
      };
  }
  return null;
}

/** The configuration line that shows an SMMU driver built into the kernel, if any. */
function builtInDriver(ev: EvidenceSource): EvidenceRef | null {
  if (!hasText(ev.one('kernel-config'))) return null;
  const cfg = buildKernelConfig(ev);
  if (cfg.state !== 'known') return null;
  const hit = ['CONFIG_ARM_SMMU_V3', 'CONFIG_ARM_SMMU'].map((n) => cfg.value[n]).find((o) => o?.value === 'y');
  return hit?.ref ?? null;
}
