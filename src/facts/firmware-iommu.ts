/**
 * Does the firmware describe an IOMMU? Decided by architecture (architecture.ts).
 *
 * x86: Intel VT-d is described by the ACPI DMAR table and AMD-Vi by IVRS; with VT-d/AMD-Vi off in
 * the BIOS the table is simply not there. Decided from the ACPI table listing
 * (/sys/firmware/acpi/tables) first, then from the boot log's table list (`ACPI: DMAR 0x…`). Never
 * from `DMAR: IOMMU enabled`: the kernel prints that while parsing `intel_iommu=on`, before it looks
 * for a table — the lab's firmware-off boot shows it with no DMAR table at all
 * (test/fixtures/lab/intel-firmware-off-6.1/dmesg.txt).
 *
 * arm64 (arm-firmware-iommu.ts): an SMMU described by ACPI IORT or by the device tree.
 *
 * Other architectures (LoongArch, RISC-V, POWER, s390) are unknown: neither table family applies.
 */
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseNameList } from '../parsers/name-list.js';
import { buildArchitecture, type ArchitectureFacts } from './architecture.js';
import { armFirmwareIommu } from './arm-firmware-iommu.js';
import { known, unknown, type Fact } from './fact.js';
import { collectHint, refTo, whyMissing } from './evidence-ref.js';
import { logLines, logRef, logShowsAbsence } from './kernel-log.js';
import type { FirmwareIommuFacts, KernelLogFacts } from './model.js';

const TABLES = ['DMAR', 'IVRS'] as const;

export function buildFirmwareIommu(
  ev: EvidenceSource,
  log: Fact<KernelLogFacts>,
  arch: Fact<ArchitectureFacts> = buildArchitecture(ev, log),
): Fact<FirmwareIommuFacts> {
  const a = arch.state === 'known' ? arch.value : null;
  if (a?.arch === 'aarch64') return armFirmwareIommu(ev, log);
  if (a?.arch === 'other')
    return unknown(
      `${a.machine} hosts are not supported yet: the firmware IOMMU is read for x86_64 (ACPI DMAR, IVRS) and aarch64 (SMMU through ACPI IORT or the device tree)`,
      [],
    );
  const e = ev.one('acpi-tables');
  if (e.status === 'ok' && e.text.trim() !== '') {
    const list = parseNameList(e.text);
    const hit = list.names.find((n) => (TABLES as readonly string[]).includes(n.name));
    if (hit) return known({ table: hit.name as FirmwareIommuFacts['table'], decidedBy: 'acpi-tables' }, [refTo(e, hit)]);
    // IORT exists only on Arm: a bundle that does not name its architecture is read as the Arm host it is.
    if (a === null && list.names.some((n) => n.name === 'IORT')) return armFirmwareIommu(ev, log);
    const first = list.names[0];
    return known({ table: null, decidedBy: 'acpi-tables' }, [
      refTo(e, { line: first?.line ?? 1, text: `tables: ${list.names.map((n) => n.name).join(' ')}` }),
    ]);
  }
  if (log.state === 'known') {
    const lines = logLines(log.value, 'ACPI: DMAR ', 'ACPI: IVRS ');
    const ref = (l: { line: number; text: string }) => logRef(log.value, l);
    const first = lines[0];
    if (first) return known({ table: first.message.includes('DMAR') ? 'DMAR' : 'IVRS', decidedBy: 'kernel-log' }, [ref(first)]);
    if (a === null && logLines(log.value, 'ACPI: IORT ').length > 0) return armFirmwareIommu(ev, log);
    const anyTable = logLines(log.value, 'ACPI: FACP ', 'ACPI: APIC ', 'ACPI: DSDT ')[0];
    if (logShowsAbsence(log.value) && anyTable) return known({ table: null, decidedBy: 'kernel-log' }, [ref(anyTable)]);
  }
  const why = [whyMissing(e), log.state === 'known' ? 'the kernel log no longer holds the ACPI table list' : log.reason];
  return unknown(why.join('; '), [collectHint(e), 'sudo dmesg']);
}

/** Whether the firmware describes an IOMMU: an ACPI table for it, or (Arm) an SMMU through IORT or the device tree. */
export function firmwareDescribesIommu(f: FirmwareIommuFacts): boolean {
  return f.table !== null || (f.smmu !== undefined && f.smmu.kind !== null);
}

/** How the report names what the firmware describes: `DMAR, Intel VT-d`, `IORT, SMMUv3`, `device tree, SMMUv3`. */
export function firmwareIommuName(f: FirmwareIommuFacts): string {
  if (f.smmu) return `${f.smmu.via === 'acpi' ? 'ACPI IORT' : 'device tree'}, ${f.smmu.kind ?? 'no SMMU'}`;
  return f.table === 'DMAR' ? 'DMAR, Intel VT-d' : f.table === 'IVRS' ? 'IVRS, AMD-Vi' : (f.table ?? 'none');
}
