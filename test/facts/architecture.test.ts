/**
 * The architecture in the host profile, the Arm CPU, the platform of a device-tree boot, the SMMU
 * the firmware describes and MSI isolation, each on the real arm64 lab boots (samples/lab-arm64-*),
 * and what each falls back on when a source is missing.
 */
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../src/analyze.js';
import { loadManifest } from '../../src/bundle/load-manifest.js';
import { evidenceSource } from '../../src/evidence/lookup.js';
import { buildArchitecture } from '../../src/facts/architecture.js';
import { buildInterruptRemapping } from '../../src/facts/interrupt-remapping.js';
import { buildKernelLog } from '../../src/facts/kernel-log.js';
import { classifyLogs } from '../../src/facts/log-events.js';
import { unknown as unknownFact } from '../../src/facts/fact.js';
import type { Facts } from '../../src/facts/facts.js';
import { fx, sampleBundle, type Override } from '../helpers/bundle-from.js';

const factsOf = (sample: string, overrides: Record<string, Override> = {}): Facts =>
  analyzeBundle(sampleBundle(sample, overrides), { rules: [] }).facts;
const known = <T>(f: { state: 'known'; value: T } | { state: 'unknown' }): T => {
  if (f.state !== 'known') throw new Error('expected a known fact');
  return f.value;
};

describe('architecture in the host profile', () => {
  it('reads uname -m: aarch64 on the arm64 lab, x86_64 on the x86 lab', () => {
    expect(known(factsOf('lab-arm64-healthy-acpi').host)).toMatchObject({ arch: 'aarch64', machine: 'aarch64' });
    expect(known(factsOf('lab-intel-healthy').host)).toMatchObject({ arch: 'x86_64', machine: 'x86_64' });
  });

  it('without uname: /proc/cpuinfo (CPU architecture: 8 on arm64)', () => {
    expect(known(factsOf('lab-arm64-healthy-dt', { uname: { status: 'not-collected' } }).host).arch).toBe('aarch64');
  });

  it('without uname and cpuinfo: the MIDR banner the arm64 kernel prints first', () => {
    const f = factsOf('lab-arm64-healthy-dt', { uname: { status: 'not-collected' }, cpuinfo: { status: 'denied' } });
    expect(known(f.host).arch).toBe('aarch64');
  });

  it("without uname, cpuinfo and a log: the kernel release's -arm64 suffix (manifest)", () => {
    const f = factsOf('lab-arm64-healthy-dt', {
      uname: { status: 'not-collected' },
      cpuinfo: { status: 'denied' },
      dmesg: { status: 'denied' },
      'journal-kernel': { status: 'no-command' },
    });
    expect(known(f.host).arch).toBe('aarch64');
  });

  it('LoongArch is another architecture, named by its ISA line', () => {
    const f = factsOf('lab-intel-healthy', { uname: { status: 'not-collected' }, cpuinfo: fx('architecture/loongson-3c6000-cpuinfo.txt') });
    expect(known(f.host)).toMatchObject({ arch: 'other', machine: 'loongarch64' });
  });

  it("x86 without uname, cpuinfo and a log: the manifest release's -amd64 suffix", () => {
    const f = factsOf('lab-intel-healthy', {
      uname: { status: 'not-collected' },
      cpuinfo: { status: 'denied' },
      dmesg: { status: 'denied' },
      'journal-kernel': { status: 'no-command' },
    });
    expect(known(f.host).arch).toBe('x86_64');
  });
});

describe('the Arm CPU', () => {
  it('is named from CPU implementer and CPU part, with the Features line for flags', () => {
    const cpu = known(factsOf('lab-arm64-healthy-acpi').cpu);
    expect(cpu).toMatchObject({
      vendor: 'other',
      vendorId: 'Arm (CPU implementer 0x41)',
      modelName: 'Neoverse-N1 (CPU part 0xd0c)',
      virtFlag: null,
      hypervisorFlag: false,
      hasPdpe1gb: true,
    });
    expect(cpu.flagsRef.text).toMatch(/^Features\t: fp asimd/);
  });

  it('names the Cortex-A57 of the nVHE boot', () => {
    expect(known(factsOf('lab-arm64-group-shared-acpi').cpu).modelName).toBe('Cortex-A57 (CPU part 0xd07)');
  });
});

describe('platform', () => {
  it('a device-tree boot without DMI: the machine model linux,dummy-virt is a QEMU virt board', () => {
    const v = factsOf('lab-arm64-healthy-dt').virtualization;
    expect(known(v)).toEqual({ isVirtualMachine: true, hypervisor: 'QEMU virt board (linux,dummy-virt)' });
    expect(v.state === 'known' && v.evidence[0]?.line).toBe(4);
  });

  it('an ACPI boot: DMI', () => {
    expect(known(factsOf('lab-arm64-healthy-acpi').virtualization)).toEqual({ isVirtualMachine: true, hypervisor: 'QEMU Virtual Machine' });
  });

  it('an arm64 host with neither DMI nor a kernel log is unknown, never bare metal for want of a flag', () => {
    const v = factsOf('lab-arm64-healthy-dt', { dmesg: { status: 'denied' }, 'journal-kernel': { status: 'no-command' } }).virtualization;
    expect(v.state).toBe('unknown');
  });
});

describe('the SMMU the firmware describes', () => {
  it('ACPI with the SMMU: its unit in /sys/class/iommu', () => {
    const f = factsOf('lab-arm64-healthy-acpi').firmwareIommu;
    expect(known(f)).toEqual({ table: 'IORT', decidedBy: 'iommu-units', smmu: { kind: 'SMMUv3', via: 'acpi' } });
  });

  it('ACPI without the SMMU: IORT is there (for the ITS), no unit, no probe line, the driver built in', () => {
    const f = factsOf('lab-arm64-no-smmu-acpi').firmwareIommu;
    expect(known(f)).toEqual({ table: null, decidedBy: 'acpi-tables', smmu: { kind: null, via: 'acpi' } });
    if (f.state !== 'known') return;
    expect(f.evidence.map((e) => `${e.source}:${e.line ?? ''}`)).toContain('ls /sys/firmware/acpi/tables:6');
    expect(f.evidence.some((e) => e.text === 'CONFIG_ARM_SMMU_V3=y')).toBe(true);
  });

  it('ACPI without the SMMU and without the kernel configuration: unknown (the driver may be a module not loaded)', () => {
    const f = factsOf('lab-arm64-no-smmu-acpi', { 'kernel-config': null });
    expect(f.firmwareIommu.state).toBe('unknown');
    expect(f.firmwareIommu.state === 'unknown' && f.firmwareIommu.collect).toContain('grep ARM_SMMU /boot/config-$(uname -r)');
  });

  it('a device-tree boot: the smmu-v3 node, or none', () => {
    expect(known(factsOf('lab-arm64-healthy-dt').firmwareIommu).smmu).toEqual({ kind: 'SMMUv3', via: 'devicetree' });
    const none = factsOf('lab-arm64-no-smmu-dt').firmwareIommu;
    expect(known(none)).toEqual({ table: null, decidedBy: 'devicetree', smmu: { kind: null, via: 'devicetree' } });
  });

  it('the SMMU probe line stands in for a missing /sys/class/iommu listing', () => {
    const f = factsOf('lab-arm64-healthy-acpi', {
      'sys-class-iommu': { status: 'denied' },
      'iommu-devices': { status: 'denied' },
    }).firmwareIommu;
    expect(known(f)).toEqual({ table: 'IORT', decidedBy: 'kernel-log', smmu: { kind: 'SMMUv3', via: 'acpi' } });
  });
});

describe('MSI isolation (the arm64 counterpart of interrupt remapping)', () => {
  it('the GICv3 ITS lines: isolated', () => {
    const ir = factsOf('lab-arm64-healthy-acpi-6.12').interruptRemapping;
    expect(known(ir)).toEqual({ enabled: true, provenBy: 'line' });
    expect(ir.state === 'known' && ir.evidence[0]?.line).toBe(86);
  });

  // The log alone decides when the device tree's MSI wiring was not collected.
  const logOnly = { 'devicetree-iommu': { status: 'not-collected' } } as const;

  it('a GICv2m frame and no ITS in a log from boot: not isolated, the frame cited', () => {
    const ir = factsOf('lab-arm64-no-its-dt', logOnly).interruptRemapping;
    expect(known(ir)).toEqual({ enabled: false, provenBy: 'absence' });
    expect(ir.state === 'known' && ir.evidence[0]?.line).toBe(57);
  });

  it('no ITS line in a log that no longer starts at boot: unknown', () => {
    const ir = factsOf('lab-arm64-no-its-dt', {
      ...logOnly,
      dmesg: fx('lab-arm64/no-its-dt-6.1/dmesg.txt').split('\n').slice(200).join('\n'),
    }).interruptRemapping;
    expect(ir.state).toBe('unknown');
  });
});

describe('MSI isolation from the device tree (when the builder is given the evidence)', () => {
  const isolation = (sample: string, overrides: Record<string, Override> = {}) => {
    const bundle = sampleBundle(sample, overrides);
    const ev = evidenceSource(bundle, loadManifest(bundle).manifest);
    const log = buildKernelLog(ev);
    return buildInterruptRemapping(log, classifyLogs(log, unknownFact('no Cloudpods host', [])), ev, buildArchitecture(ev, log));
  };

  it('msi-controller nodes without an arm,gic-v3-its: not isolated, proved by the listing even in a cut log', () => {
    const cut = fx('lab-arm64/no-its-dt-6.1/dmesg.txt').split('\n').slice(200).join('\n');
    const ir = isolation('lab-arm64-no-its-dt', { dmesg: cut });
    expect(known(ir)).toEqual({ enabled: false, provenBy: 'line' });
    expect(ir.state === 'known' && ir.evidence.map((e) => `${e.source.slice(0, 4)}:${e.line ?? ''}`)).toEqual(['find:1']);
  });

  it('the ITS among the msi-controller nodes: isolated, even in a cut log', () => {
    const cut = fx('lab-arm64/healthy-dt-6.1/dmesg.txt').split('\n').slice(200).join('\n');
    expect(known(isolation('lab-arm64-healthy-dt', { dmesg: cut }))).toEqual({ enabled: true, provenBy: 'line' });
  });
});
