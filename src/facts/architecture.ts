/**
 * What the host is, below the distribution: its CPU architecture, and on a device-tree boot the
 * board the device tree names. The rules speak x86 (VT-d, AMD-Vi, DMAR, vmx/svm) or Arm (SMMU,
 * IORT, GICv3 ITS, EL2) by architecture; anything else is `other`, which they report as not
 * supported yet rather than judge with x86 rules.
 *
 * The architecture comes from, in order:
 * - `uname -srvm`'s machine field (test/fixtures/lab-arm64/healthy-acpi-6.1/uname.txt: `aarch64`);
 * - /proc/cpuinfo's layout: x86 prints `vendor_id` and `flags`, arm64 `CPU implementer` with
 *   `CPU architecture: 8` (test/fixtures/lab-arm64/healthy-acpi-6.1/cpuinfo.txt; 32-bit Arm kernels
 *   print 7), LoongArch an `ISA` line naming loongarch64, RISC-V an `isa` line starting rv64;
 * - the first lines of the kernel log: arm64 starts with `Booting Linux on physical CPU 0x%010lx
 *   [0x%08x]` (arch/arm64/kernel/setup.c, the MIDR in brackets; 32-bit Arm prints no MIDR), x86
 *   prints `x86/fpu:` and `BIOS-e820:` lines;
 * - the kernel release's architecture suffix: Debian's `-amd64`/`-arm64`, RHEL's `.x86_64`/`.aarch64`,
 *   Ubuntu's arm64-only `-64k` flavour.
 * The board: `Machine model: %s` (arch/arm64/kernel/setup.c setup_machine_fdt; drivers/of/fdt.c
 * prints it with `OF: fdt: `), the device tree's model or first compatible — QEMU's virt board is
 * `linux,dummy-virt` (test/fixtures/lab-arm64/healthy-dt-6.1/dmesg.txt line 4).
 *
 * Facts built before the kernel log fact read the log's first lines themselves (bootLogHead): a
 * bounded slice, never the whole log.
 */
import { hasText } from '../evidence/evidence.js';
import { ARM_GIC } from '../log-catalog/arm-gic.js';
import { ARM64_KVM } from '../log-catalog/arm64-kvm.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseCpuinfo } from '../parsers/cpuinfo.js';
import { parseDmesg } from '../parsers/dmesg.js';
import { splitLines } from '../parsers/lines.js';
import { parseUname } from '../parsers/uname.js';
import { known, ref, unknown, type EvidenceRef, type Fact } from './fact.js';
import { refTo } from './evidence-ref.js';
import type { KernelFacts, KernelLogFacts } from './model.js';

export type Architecture = 'x86_64' | 'aarch64' | 'other';

export interface ArchitectureFacts {
  readonly arch: Architecture;
  /** As the source names it: x86_64, aarch64, loongarch64, riscv64, ppc64le, … */
  readonly machine: string;
  readonly decidedBy: 'uname' | 'cpuinfo' | 'kernel-log' | 'kernel-release';
}

/** A kernel-log line with the reference that cites it. */
export interface HeadLine {
  readonly message: string;
  readonly ref: EvidenceRef;
}

const LOG_SOURCES = ['dmesg', 'journal-kernel', 'var-log-dmesg', 'kern-log'] as const;
/** The early boot lines are within the first few hundred; a bounded slice keeps a 64 MiB log cheap. */
const HEAD_LINES = 400;
const HEAD_BYTES = 128 * 1024;
const MIDR_BANNER = /^Booting Linux on physical CPU 0x[\da-f]{10} \[0x[\da-f]{8}\]$/;
/** A processor block is well under 4 KiB; the first two blocks are enough to name the architecture. */
const CPUINFO_HEAD_BYTES = 8192;
const MACHINE_WORD = /^[a-z]\w{1,31}$/i;
const RELEASE_SUFFIX = /[-.+_](amd64|x86_64|arm64|aarch64|64k|loong64|loongarch64|riscv64|ppc64le|ppc64el|s390x)$/;

export function archOfMachine(machine: string): Architecture {
  if (machine === 'x86_64' || machine === 'amd64') return 'x86_64';
  if (machine === 'aarch64' || machine === 'arm64') return 'aarch64';
  return 'other';
}

const decided = (machine: string, decidedBy: ArchitectureFacts['decidedBy'], at: EvidenceRef): Fact<ArchitectureFacts> =>
  known({ arch: archOfMachine(machine), machine, decidedBy }, [at]);

/** The architecture, from the first source that names it; `log` is the kernel log fact when the caller has it. */
export function buildArchitecture(ev: EvidenceSource, log?: Fact<KernelLogFacts>, kernel?: Fact<KernelFacts>): Fact<ArchitectureFacts> {
  const un = ev.one('uname');
  const u = hasText(un) ? parseUname(un.text) : null;
  // `uname -srvmpio` ends with the OS name: only a machine-like word counts (x86_64, aarch64, loongarch64).
  if (u?.machine && u.line !== undefined && MACHINE_WORD.test(u.machine) && u.machine !== 'unknown')
    return decided(u.machine, 'uname', refTo(un, { line: u.line, text: u.text ?? u.machine }));
  const fromCpu = cpuinfoMachine(ev);
  if (fromCpu) return fromCpu;
  const fromLog = logMachine(kernelLogHead(ev, log));
  if (fromLog) return decided(fromLog.machine, 'kernel-log', fromLog.ref);
  const release = u?.release ?? (kernel?.state === 'known' ? kernel.value.release : undefined);
  const suffix = release === undefined ? undefined : RELEASE_SUFFIX.exec(release)?.[1];
  if (release !== undefined && suffix !== undefined) {
    const at =
      u?.release && u.line !== undefined
        ? refTo(un, { line: u.line, text: u.text ?? release })
        : kernel?.state === 'known'
          ? kernel.evidence[0]
          : undefined;
    return decided(releaseMachine(suffix), 'kernel-release', at ?? ref('manifest', 'manifest.json kernel', release));
  }
  return unknown('neither uname -m, /proc/cpuinfo, the kernel log nor the kernel release names the CPU architecture', [
    'uname -m',
    'cat /proc/cpuinfo',
  ]);
}

function releaseMachine(suffix: string): string {
  switch (suffix) {
    case 'amd64':
      return 'x86_64';
    case 'arm64':
    case '64k':
      return 'aarch64';
    case 'loong64':
      return 'loongarch64';
    case 'ppc64el':
      return 'ppc64le';
    default:
      return suffix;
  }
}

function cpuinfoMachine(ev: EvidenceSource): Fact<ArchitectureFacts> | null {
  const e = ev.one('cpuinfo');
  if (!hasText(e)) return null;
  const f = parseCpuinfo(e.text).fields;
  const vendor = f['vendor_id'];
  if (vendor && vendor.value.startsWith('IBM/S390')) return decided('s390x', 'cpuinfo', refTo(e, vendor));
  if (vendor && f['flags']) return decided('x86_64', 'cpuinfo', refTo(e, vendor));
  const implementer = f['CPU implementer'];
  const armArch = f['CPU architecture'];
  if (implementer && armArch) return decided(armArch.value === '8' ? 'aarch64' : 'arm', 'cpuinfo', refTo(e, armArch));
  // LoongArch puts a `system type` block before the first processor
  // (test/fixtures/architecture/loongson-3c6000-cpuinfo.txt): its ISA line is in the second block.
  for (const l of splitLines(e.text.slice(0, CPUINFO_HEAD_BYTES))) {
    const colon = l.text.indexOf(':');
    const key = colon > 0 ? l.text.slice(0, colon).trim() : '';
    const value = colon > 0 ? l.text.slice(colon + 1).trim() : '';
    if ((key === 'ISA' || key === 'isa') && value.split(' ').includes('loongarch64')) return decided('loongarch64', 'cpuinfo', refTo(e, l));
    if (key === 'isa' && value.startsWith('rv64')) return decided('riscv64', 'cpuinfo', refTo(e, l));
    if (key === 'cpu' && value.startsWith('POWER')) return decided('ppc64', 'cpuinfo', refTo(e, l));
  }
  return null;
}

function logMachine(head: readonly HeadLine[]): { machine: string; ref: EvidenceRef } | null {
  for (const l of head) {
    if (MIDR_BANNER.test(l.message)) return { machine: 'aarch64', ref: l.ref };
    if (l.message.startsWith('x86/fpu: ') || l.message.startsWith('BIOS-e820: ')) return { machine: 'x86_64', ref: l.ref };
  }
  return null;
}

/** Log messages only Arm kernels print (src/log-catalog/arm64-kvm.ts, arm-gic.ts): a pasted log that holds one is an Arm host's. */
const ARM_ONLY_MESSAGES: ReadonlySet<string> = new Set([...ARM64_KVM, ...ARM_GIC].map((e) => e.id));

/** Whether the classified log holds a line only an arm64 kernel prints (for bundles that name no architecture). */
export function logShowsArm64(events: readonly { readonly id: string }[]): boolean {
  return events.some((e) => ARM_ONLY_MESSAGES.has(e.id));
}

/** The architecture the kernel log's first lines show, if they show one. */
export function logArchitecture(log: KernelLogFacts): Architecture | null {
  const m = logMachine(headOf(log));
  return m ? archOfMachine(m.machine) : null;
}

function headOf(log: KernelLogFacts): HeadLine[] {
  return log.lines.slice(0, HEAD_LINES).map((l) => ({ message: l.message, ref: ref(log.evidence, log.source, l.text, l.line) }));
}

/** The first lines of the kernel log the bundle holds (the same sources, in the same order, as the kernel log fact). */
export function bootLogHead(ev: EvidenceSource): HeadLine[] {
  for (const id of LOG_SOURCES) {
    const e = ev.one(id);
    if (!hasText(e) || e.text.trim() === '') continue;
    let text = e.text.slice(0, HEAD_BYTES);
    let at = -1;
    for (let n = 0; n < HEAD_LINES; n++) {
      const next = text.indexOf('\n', at + 1);
      if (next === -1) break;
      at = next;
    }
    if (at !== -1 && text.length > at + 1) text = text.slice(0, at + 1);
    const records = parseDmesg(text).records;
    if (records.length === 0) continue;
    return records.map((r) => ({ message: r.message, ref: refTo(e, r) }));
  }
  return [];
}

/** The board a device tree names (`Machine model: linux,dummy-virt`), from the kernel log's first lines. */
export function machineModel(head: readonly HeadLine[]): { model: string; ref: EvidenceRef } | null {
  for (const l of head) {
    const m = l.message.startsWith('OF: fdt: ') ? l.message.slice(9) : l.message;
    if (m.startsWith('Machine model: ')) return { model: m.slice(15).trim(), ref: l.ref };
  }
  return null;
}

/** The kernel log's first lines: from the log fact when there is one, else read from the bundle. */
export function kernelLogHead(ev: EvidenceSource, log?: Fact<KernelLogFacts>): HeadLine[] {
  return log?.state === 'known' ? headOf(log.value) : bootLogHead(ev);
}
