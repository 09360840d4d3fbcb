/**
 * Is KVM usable: /dev/kvm exists, or kvm_intel / kvm_amd is loaded or built in. `/dev/kvm` not
 * collected (a sosreport, a pasted ticket) is unknown, never "does not exist": a kernel with KVM
 * built in shows no module at all, so only the device node can say KVM is missing. arm64 has no
 * vendor module and builds KVM in: /sys/module/kvm is there even when KVM could not start (the CPUs
 * started at EL1), so `kvm` is never taken for proof; the kernel log says (rules/kvm-unavailable.ts).
 */
import type { EvidenceSource } from '../evidence/lookup.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { gapOf, refTo } from './evidence-ref.js';
import type { KvmFacts, ModuleFacts } from './model.js';

const KVM_MODULES = ['kvm_intel', 'kvm_amd'];

export function buildKvm(ev: EvidenceSource, modules: Fact<ModuleFacts>): Fact<KvmFacts> {
  const dev = ev.one('dev-kvm');
  const devKvm = dev.status === 'ok' ? true : dev.status === 'absent' ? false : null;
  if (devKvm === null && modules.state === 'unknown')
    return unknown('neither /dev/kvm nor the module list was collected', ['ls -l /dev/kvm', 'lsmod']);
  const refs: EvidenceRef[] = [];
  if (devKvm !== null) refs.push(refTo(dev, { line: 1, text: devKvm ? (dev.text.split('\n')[0] ?? '/dev/kvm') : '(no /dev/kvm)' }));
  let module: string | null = null;
  if (modules.state === 'known') {
    module = KVM_MODULES.find((m) => modules.value.loaded.includes(m) || modules.value.builtin.includes(m)) ?? null;
    const r = module ? modules.value.refs[module] : undefined;
    if (r) refs.push(r);
    else if (devKvm === null) refs.push(...modules.evidence);
  }
  const devGap = gapOf(dev);
  const gaps = [...(devGap && devKvm === null ? [devGap] : []), ...(modules.state === 'known' ? modules.gaps : [])];
  if (refs.length === 0) return unknown(`${dev.source} ${devGap?.why ?? 'holds nothing'}`, ['ls -l /dev/kvm']);
  return known({ devKvm, module }, refs, gaps);
}
