/**
 * CPU vendor and virtualization flags from the first processor block of /proc/cpuinfo. The vendor
 * comes from vendor_id, never from vmx/svm (a host with VT-x off still has an Intel IOMMU to
 * diagnose). Hygon (HygonGenuine) uses AMD's IOMMU driver and parameters, so it counts as amd.
 *
 * arm64 prints no vendor_id and no flags (test/fixtures/lab-arm64/healthy-acpi-6.1/cpuinfo.txt):
 * the CPU is named from `CPU implementer` and `CPU part` (the MIDR fields; names as util-linux
 * sys-utils/lscpu-arm.c decodes them) and counts as vendor `other`; its `Features` line stands
 * where x86 has flags. No Arm CPU flag says "virtual machine" or "virtualization on": those come
 * from the boot log (virtualization.ts, the arm64 log catalogue). 1 GiB pages on arm64 depend on
 * the kernel's page size (4K pages: 1 GiB at the PUD level; 64K pages: 512 MiB and 16 GiB), so
 * `hasPdpe1gb` there says whether the kernel registered a 1 GiB size, and is assumed when the
 * hugepage listing was not collected.
 */
import { hasText, type Evidence } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseCpuinfo, type CpuInfo } from '../parsers/cpuinfo.js';
import { known, unknown, type Fact } from './fact.js';
import { refTo, unknownFrom } from './evidence-ref.js';
import type { CpuFacts, CpuVendor } from './model.js';

const IMPLEMENTERS: Readonly<Record<string, string>> = {
  '0x41': 'Arm',
  '0x42': 'Broadcom',
  '0x43': 'Cavium',
  '0x46': 'Fujitsu',
  '0x48': 'HiSilicon',
  '0x4e': 'NVIDIA',
  '0x50': 'APM',
  '0x51': 'Qualcomm',
  '0x61': 'Apple',
  '0x70': 'Phytium',
  '0xc0': 'Ampere',
};

/** `implementer:part` → core (Ampere Altra and NVIDIA Grace use Arm's own Neoverse-N1 and -V2). */
const PARTS: Readonly<Record<string, string>> = {
  '0x41:0xd03': 'Cortex-A53',
  '0x41:0xd07': 'Cortex-A57',
  '0x41:0xd08': 'Cortex-A72',
  '0x41:0xd0b': 'Cortex-A76',
  '0x41:0xd0c': 'Neoverse-N1',
  '0x41:0xd40': 'Neoverse-V1',
  '0x41:0xd49': 'Neoverse-N2',
  '0x41:0xd4a': 'Neoverse-E1',
  '0x41:0xd4f': 'Neoverse-V2',
  '0x42:0x516': 'ThunderX2',
  '0x43:0x0a1': 'ThunderX-88XX',
  '0x43:0x0af': 'ThunderX2-99xx',
  '0x46:0x001': 'A64FX',
  '0x48:0xd01': 'Kunpeng-920',
  '0x4e:0x003': 'Denver 2',
  '0x4e:0x004': 'Carmel',
  '0x70:0x660': 'FTC660',
  '0x70:0x661': 'FTC661',
  '0x70:0x662': 'FTC662',
  '0x70:0x663': 'FTC663',
  '0xc0:0xac3': 'Ampere-1',
  '0xc0:0xac4': 'Ampere-1a',
};

export function buildCpu(ev: EvidenceSource): Fact<CpuFacts> {
  const e = ev.one('cpuinfo');
  if (!hasText(e)) return unknownFrom(e);
  const info = parseCpuinfo(e.text);
  if (!info.vendorId && info.fields['CPU implementer']) return armCpu(ev, info, e);
  if (!info.vendorId || !info.flagsLine) return unknown('/proc/cpuinfo has no vendor_id or flags line', ['cat /proc/cpuinfo']);
  const vendor: CpuVendor =
    info.vendorId.value === 'GenuineIntel' ? 'intel' : ['AuthenticAMD', 'HygonGenuine'].includes(info.vendorId.value) ? 'amd' : 'other';
  const flagsRef = refTo(e, info.flagsLine);
  return known(
    {
      vendor,
      vendorId: info.vendorId.value,
      modelName: info.modelName?.value ?? null,
      virtFlag: info.virtualization ?? null,
      hypervisorFlag: info.hypervisor,
      hasPdpe1gb: info.flags.includes('pdpe1gb'),
      flagsRef,
    },
    [refTo(e, info.vendorId), flagsRef],
  );
}

function armCpu(ev: EvidenceSource, info: CpuInfo, e: Evidence): Fact<CpuFacts> {
  const implementer = info.fields['CPU implementer'];
  const part = info.fields['CPU part'];
  const features = info.fields['Features'];
  if (!implementer || !part || !features)
    return unknown('/proc/cpuinfo has no CPU implementer, CPU part or Features line', ['cat /proc/cpuinfo']);
  const impl = implementer.value.toLowerCase();
  const partId = part.value.toLowerCase();
  const flagsRef = refTo(e, features);
  return known(
    {
      vendor: 'other',
      vendorId: `${nameIn(IMPLEMENTERS, impl) ?? 'Arm-architecture vendor'} (CPU implementer ${impl})`,
      modelName: `${nameIn(PARTS, `${impl}:${partId}`) ?? 'CPU'} (CPU part ${partId})`,
      virtFlag: null,
      hypervisorFlag: false,
      hasPdpe1gb: gigantic(ev),
      flagsRef,
    },
    [refTo(e, implementer), refTo(e, part), flagsRef],
  );
}

/** Table lookups by a key read from the bundle: own entries only (`__proto__` is a plain miss). */
const nameIn = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** Whether the kernel registered 1 GiB huge pages (hugepages-1048576kB); assumed when the listing was not collected. */
function gigantic(ev: EvidenceSource): boolean {
  const h = ev.one('hugepages');
  return !hasText(h) || h.text.includes('hugepages-1048576kB');
}
