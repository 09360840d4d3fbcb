/**
 * Does the firmware describe an IOMMU? Intel VT-d is described by the ACPI DMAR table and AMD-Vi
 * by IVRS; with VT-d/AMD-Vi off in the BIOS the table is simply not there.
 *
 * Decided from the ACPI table listing (/sys/firmware/acpi/tables) first, then from the boot log's
 * table list (`ACPI: DMAR 0x…`). Never from `DMAR: IOMMU enabled`: the kernel prints that while
 * parsing `intel_iommu=on`, before it looks for a table — the lab's firmware-off boot shows it with
 * no DMAR table at all (test/fixtures/lab/intel-firmware-off-6.1/dmesg.txt).
 */
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseNameList } from '../parsers/name-list.js';
import { known, unknown, type Fact } from './fact.js';
import { collectHint, refTo, whyMissing } from './evidence-ref.js';
import { logLines, logRef, logShowsAbsence } from './kernel-log.js';
import type { FirmwareIommuFacts, KernelLogFacts } from './model.js';

const TABLES = ['DMAR', 'IVRS'] as const;

export function buildFirmwareIommu(ev: EvidenceSource, log: Fact<KernelLogFacts>): Fact<FirmwareIommuFacts> {
  const e = ev.one('acpi-tables');
  if (e.status === 'ok' && e.text.trim() !== '') {
    const list = parseNameList(e.text);
    const hit = list.names.find((n) => (TABLES as readonly string[]).includes(n.name));
    if (hit) return known({ table: hit.name as FirmwareIommuFacts['table'], decidedBy: 'acpi-tables' }, [refTo(e, hit)]);
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
    const anyTable = logLines(log.value, 'ACPI: FACP ', 'ACPI: APIC ', 'ACPI: DSDT ')[0];
    if (logShowsAbsence(log.value) && anyTable) return known({ table: null, decidedBy: 'kernel-log' }, [ref(anyTable)]);
  }
  const why = [whyMissing(e), log.state === 'known' ? 'the kernel log no longer holds the ACPI table list' : log.reason];
  return unknown(why.join('; '), [collectHint(e), 'sudo dmesg']);
}
