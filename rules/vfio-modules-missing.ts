import { defineRule } from '../src/engine/define-rule.js';
import { builtinRef, CONFIG_NAME, VFIO_MODULES } from '../src/facts/vfio-persistence.js';
import { loadVfioModules } from '../src/fixes/vfio-modules.js';

export default defineRule({
  id: 'vfio-modules-missing',
  title: 'The VFIO modules are not loaded',
  severity: 'error',
  tags: ['vfio', 'modules'],
  source: 'FAQ "How to load the vfio modules?"',
  needs: ['modules', 'host'],
  optional: ['kernelConfig'],
  messages: {
    loaded: 'vfio, vfio_iommu_type1 and vfio_pci are available ({{how}}).',
    missing: '{{missing}} neither loaded nor built into the kernel: vfio-pci cannot claim any device and QEMU cannot open /dev/vfio.',
    undecided: '{{modules}} not listed as loaded, but {{missing}}, so whether they are built into the kernel is not known.',
  },
  check({ modules, host, kernelConfig }, r) {
    const m = modules.value;
    const cfg = kernelConfig.state === 'known' ? kernelConfig.value : null;
    const refs = [];
    const missing: string[] = [];
    const how: string[] = [];
    for (const mod of VFIO_MODULES) {
      const loaded = m.loaded.includes(mod) ? (m.refs[mod] ?? null) : null;
      const builtin = loaded ? null : builtinRef(mod, m, cfg);
      const ref = loaded ?? builtin;
      if (ref) refs.push(ref);
      if (loaded || builtin) how.push(`${mod} ${loaded ? 'loaded' : 'built in'}`);
      else missing.push(mod);
    }
    if (missing.length === 0)
      return r.pass('loaded', { how: how.join(', ') }, refs, { despiteGaps: 'each module is shown loaded or built in' });
    // "Not built in" needs /sys/module whole or the kernel configuration saying so.
    const builtinKnown = (mod: string): boolean =>
      modules.gaps.length === 0 ||
      (cfg !== null && Object.hasOwn(cfg, CONFIG_NAME[mod] ?? '') && cfg[CONFIG_NAME[mod] ?? '']?.value !== 'y');
    const undecided = missing.filter((mod) => !builtinKnown(mod));
    if (undecided.length > 0)
      return r.unknown(
        'undecided',
        { modules: undecided.join(', '), missing: modules.gaps.map((g) => `${g.source} ${g.why}`).join('; ') },
        [...new Set(modules.gaps.flatMap((g) => g.collect)), 'grep VFIO /boot/config-$(uname -r)'],
      );
    return r.fail(
      'missing',
      { missing: missing.length === 1 ? `${missing[0]} is` : `${missing.join(', ')} are` },
      [...refs, ...modules.evidence],
      loadVfioModules(host.value, missing),
    );
  },
});
