/**
 * Whether the firmware describes an IOMMU on x86 (src/facts/firmware-iommu.ts): the DMAR (Intel
 * VT-d) or IVRS (AMD-Vi) table in /sys/firmware/acpi/tables, else in the boot log's table list;
 * never `DMAR: IOMMU enabled`, which the kernel prints for intel_iommu=on with no table at all.
 * The arm64 SMMU cases are with the architecture (test/facts/architecture.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildArchitecture } from '../../src/facts/architecture.js';
import { buildFirmwareIommu, firmwareDescribesIommu, firmwareIommuName } from '../../src/facts/firmware-iommu.js';
import { buildKernel } from '../../src/facts/kernel.js';
import { buildKernelLog } from '../../src/facts/kernel-log.js';
import { fx, ROOT, sampleBundle, type Override } from '../helpers/bundle-from.js';

const firmwareOf = (sample: string, overrides: Record<string, Override> = {}) => {
  const bundle = sampleBundle(sample, overrides);
  const { manifest } = loadManifest(bundle);
  const ev = evidenceSource(bundle, manifest);
  const log = buildKernelLog(ev);
  return buildFirmwareIommu(ev, log, buildArchitecture(ev, log, buildKernel(ev, manifest)));
};
const noTables = { 'acpi-tables': { status: 'denied' } } as const;
const dmesgOf = (sample: string): string => readFileSync(join(ROOT, 'samples', sample, 'evidence/commands/dmesg.out'), 'utf8');

describe('from the ACPI table listing', () => {
  it('Intel VT-d: DMAR (lab-intel-healthy acpi-tables.out line 2)', () => {
    const f = firmwareOf('lab-intel-healthy');
    expect(f).toEqual({
      state: 'known',
      value: { table: 'DMAR', decidedBy: 'acpi-tables' },
      evidence: [{ evidence: 'acpi-tables', source: 'ls /sys/firmware/acpi/tables', line: 2, text: 'DMAR' }],
      gaps: [],
    });
  });

  it('AMD-Vi: IVRS (lab-amd-healthy acpi-tables.out line 6)', () => {
    const f = firmwareOf('lab-amd-healthy');
    expect(f.state === 'known' && [f.value, f.evidence[0]?.line]).toEqual([{ table: 'IVRS', decidedBy: 'acpi-tables' }, 6]);
  });

  it('VT-d off in the firmware: no DMAR among the tables, whatever the command line asked (lab-intel-firmware-off)', () => {
    const f = firmwareOf('lab-intel-firmware-off');
    expect(f.state === 'known' && f.value).toEqual({ table: null, decidedBy: 'acpi-tables' });
    expect(f.state === 'known' && f.evidence[0]?.text).toBe('tables: APIC DSDT FACP FACS HPET MCFG WAET data dynamic');
  });
});

describe('from the kernel log when the table listing was not read', () => {
  it('"ACPI: DMAR 0x…" in the table list (lab-intel-healthy dmesg line 31)', () => {
    const f = firmwareOf('lab-intel-healthy', noTables);
    expect(f.state === 'known' && [f.value, f.evidence[0]?.line]).toEqual([{ table: 'DMAR', decidedBy: 'kernel-log' }, 31]);
  });

  it('a whole table list without DMAR: none, though the log says "DMAR: IOMMU enabled" (lab-intel-firmware-off line 78)', () => {
    const f = firmwareOf('lab-intel-firmware-off', noTables);
    // The first of the FACP/DSDT/APIC lines that show the table list was printed: line 24, FACP.
    expect(f.state === 'known' && [f.value, f.evidence[0]?.line]).toEqual([{ table: null, decidedBy: 'kernel-log' }, 24]);
  });

  it('a log that lost the table list: unknown, never "no table"', () => {
    const cut = dmesgOf('lab-intel-firmware-off').split('\n').slice(60).join('\n');
    const f = firmwareOf('lab-intel-firmware-off', { ...noTables, dmesg: cut });
    expect(f.state).toBe('unknown');
    expect(f.state === 'unknown' && f.collect).toEqual(['sudo ls /sys/firmware/acpi/tables', 'sudo dmesg']);
  });

  it('neither the listing nor a log: unknown', () => {
    expect(firmwareOf('lab-intel-healthy', { ...noTables, dmesg: { status: 'denied' } }).state).toBe('unknown');
  });
});

describe('other architectures', () => {
  it('a LoongArch host is unknown: neither table family applies', () => {
    const f = firmwareOf('lab-intel-healthy', {
      uname: { status: 'not-collected' },
      cpuinfo: fx('architecture/loongson-3c6000-cpuinfo.txt'),
    });
    expect(f.state).toBe('unknown');
  });
});

describe('names', () => {
  it("says what the firmware describes in the report's words", () => {
    expect(firmwareIommuName({ table: 'DMAR', decidedBy: 'acpi-tables' })).toBe('DMAR, Intel VT-d');
    expect(firmwareIommuName({ table: 'IVRS', decidedBy: 'kernel-log' })).toBe('IVRS, AMD-Vi');
    expect(firmwareIommuName({ table: null, decidedBy: 'acpi-tables' })).toBe('none');
    expect(firmwareIommuName({ table: 'IORT', decidedBy: 'iommu-units', smmu: { kind: 'SMMUv3', via: 'acpi' } })).toBe('ACPI IORT, SMMUv3');
    expect(firmwareDescribesIommu({ table: null, decidedBy: 'devicetree', smmu: { kind: null, via: 'devicetree' } })).toBe(false);
    expect(firmwareDescribesIommu({ table: 'IVRS', decidedBy: 'acpi-tables' })).toBe(true);
  });
});
