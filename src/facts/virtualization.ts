/**
 * Is the host itself a virtual machine? systemd-detect-virt says so directly when it names a VM
 * or `none`; when it names a container it has stopped looking (it reports a container before a
 * VM: this machine, a container inside a Firecracker VM, prints `docker`), so the CPU's
 * `hypervisor` flag (set by every x86 hypervisor for its guests) and DMI product names decide,
 * as they do when systemd-detect-virt is missing.
 *
 * arm64 CPUs have no hypervisor flag, and a device-tree boot has no DMI: there the board the device
 * tree names decides (`Machine model: linux,dummy-virt` is QEMU's virt board,
 * test/fixtures/lab-arm64/healthy-dt-6.1/dmesg.txt line 4; any other model is a physical board),
 * and on ACPI servers DMI (`QEMU Virtual Machine`, `KVM Virtual Machine`, a cloud's product name).
 * Without either, an arm64 host is unknown, never "bare metal" for want of a flag.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseDmi } from '../parsers/dmi.js';
import { parseSystemdDetectVirt } from '../parsers/systemd-detect-virt.js';
import { buildArchitecture, bootLogHead, machineModel, type ArchitectureFacts } from './architecture.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { refTo } from './evidence-ref.js';
import type { CpuFacts, VirtualizationFacts } from './model.js';

const VM_PRODUCTS =
  /^(?:KVM|QEMU|VMware|VirtualBox|Virtual Machine|HVM domU|Standard PC \(Q35|Standard PC \(i440FX|Google Compute Engine|OpenStack Nova|Amazon EC2|BHYVE|Parallels)/i;
/** Device-tree models of virtual boards: QEMU's (and Firecracker's, cloud-hypervisor's) generated `virt` tree. */
const VM_BOARDS = new Set(['linux,dummy-virt']);

export function buildVirtualization(
  ev: EvidenceSource,
  cpu: Fact<CpuFacts>,
  arch: Fact<ArchitectureFacts> = buildArchitecture(ev),
): Fact<VirtualizationFacts> {
  const sdv = ev.one('systemd-detect-virt');
  if (hasText(sdv)) {
    const v = parseSystemdDetectVirt(sdv.text);
    if (v.value !== undefined && v.line !== undefined && v.kind !== 'container') {
      const ref = refTo(sdv, { line: v.line, text: v.text ?? v.value });
      return known({ isVirtualMachine: v.kind === 'vm', hypervisor: v.kind === 'vm' ? v.value : null }, [ref]);
    }
  }
  const refs: EvidenceRef[] = [];
  let product: string | null = null;
  let dmiSeen = false;
  const dmiEv = ev.one('dmi');
  if (hasText(dmiEv)) {
    const dmi = parseDmi(dmiEv.text);
    const p = dmi.fields.product_name ?? dmi.fields.sys_vendor;
    if (p) {
      dmiSeen = true;
      refs.push(refTo(dmiEv, p));
      if (VM_PRODUCTS.test(p.value)) product = p.value;
    }
  }
  if (arch.state === 'known' && arch.value.arch === 'aarch64') return armPlatform(ev, product, dmiSeen, refs);
  if (cpu.state === 'known') {
    refs.push(cpu.value.flagsRef);
    return known({ isVirtualMachine: cpu.value.hypervisorFlag || product !== null, hypervisor: product }, refs);
  }
  if (product) return known({ isVirtualMachine: true, hypervisor: product }, refs);
  return unknown('neither systemd-detect-virt, the CPU flags nor DMI identify the platform', [
    'systemd-detect-virt',
    'grep -m1 flags /proc/cpuinfo',
  ]);
}

function armPlatform(
  ev: EvidenceSource,
  product: string | null,
  dmiSeen: boolean,
  dmiRefs: readonly EvidenceRef[],
): Fact<VirtualizationFacts> {
  if (product) return known({ isVirtualMachine: true, hypervisor: product }, dmiRefs);
  const board = machineModel(bootLogHead(ev));
  if (board && VM_BOARDS.has(board.model))
    return known({ isVirtualMachine: true, hypervisor: `QEMU virt board (${board.model})` }, [board.ref]);
  if (board) return known({ isVirtualMachine: false, hypervisor: null }, [board.ref, ...dmiRefs]);
  if (dmiSeen) return known({ isVirtualMachine: false, hypervisor: null }, dmiRefs);
  return unknown(
    "neither systemd-detect-virt, DMI nor the device tree's machine model identifies the platform (arm64 CPUs have no hypervisor flag)",
    ['systemd-detect-virt', 'cat /sys/class/dmi/id/product_name', 'sudo dmesg | grep "Machine model"'],
  );
}
