/**
 * Is KVM usable: /dev/kvm exists and kvm_intel or kvm_amd is loaded (or built in).
 */
import type { EvidenceSource } from '../evidence/lookup.js';
import { known, unknown, type EvidenceRef, type Fact } from './fact.js';
import { refTo } from './evidence-ref.js';
import type { KvmFacts, ModuleFacts } from './model.js';

export function buildKvm(ev: EvidenceSource, modules: Fact<ModuleFacts>): Fact<KvmFacts> {
  const dev = ev.one('dev-kvm');
  const devKnown = dev.status === 'ok' || dev.status === 'absent';
  if (!devKnown && modules.state === 'unknown')
    return unknown('neither /dev/kvm nor the module list was collected', ['ls -l /dev/kvm', 'lsmod']);
  const refs: EvidenceRef[] = [];
  if (devKnown) refs.push(refTo(dev, { line: 1, text: dev.status === 'ok' ? (dev.text.split('\n')[0] ?? '/dev/kvm') : '(no /dev/kvm)' }));
  let module: string | null = null;
  if (modules.state === 'known') {
    module = ['kvm_intel', 'kvm_amd'].find((m) => modules.value.loaded.includes(m) || modules.value.builtin.includes(m)) ?? null;
    const r = module ? modules.value.refs[module] : undefined;
    if (r) refs.push(r);
  }
  return known({ devKvm: dev.status === 'ok', module }, refs);
}
