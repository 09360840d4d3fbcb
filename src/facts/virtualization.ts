/**
 * Is the host itself a virtual machine? systemd-detect-virt says so directly when it names a VM
 * or `none`; when it names a container it has stopped looking (it reports a container before a
 * VM: this machine, a container inside a Firecracker VM, prints `docker`), so the CPU's
 * `hypervisor` flag (set by every x86 hypervisor for its guests) and DMI product names decide,
 * as they do when systemd-detect-virt is missing.
 */
import { hasText } from '../evidence/evidence.js';
import type { EvidenceSource } from '../evidence/lookup.js';
import { parseDmi } from '../parsers/dmi.js';
import { parseSystemdDetectVirt } from '../parsers/systemd-detect-virt.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { refTo } from './evidence-ref.js';
import type { CpuFacts, VirtualizationFacts } from './model.js';

const VM_PRODUCTS =
  /^(?:KVM|QEMU|VMware|VirtualBox|Virtual Machine|HVM domU|Standard PC \(Q35|Standard PC \(i440FX|Google Compute Engine|OpenStack Nova|Amazon EC2|BHYVE|Parallels)/i;

export function buildVirtualization(ev: EvidenceSource, cpu: Fact<CpuFacts>): Fact<VirtualizationFacts> {
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
  const dmiEv = ev.one('dmi');
  if (hasText(dmiEv)) {
    const dmi = parseDmi(dmiEv.text);
    const p = dmi.fields.product_name ?? dmi.fields.sys_vendor;
    if (p) {
      refs.push(refTo(dmiEv, p));
      if (VM_PRODUCTS.test(p.value)) product = p.value;
    }
  }
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
