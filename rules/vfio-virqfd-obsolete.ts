import { defineRule } from '../src/engine/define-rule.js';
import { atLeast } from '../src/facts/kernel.js';
import { removeModuleLine } from '../src/fixes/module-lines.js';

/** Config lines cited per finding: a modprobe.d of 49,000 files is named by the first few. */
const MAX_CITED_LINES = 16;

export default defineRule({
  id: 'vfio-virqfd-obsolete',
  title: 'vfio_virqfd is listed for loading on a kernel that no longer has it',
  severity: 'info',
  tags: ['vfio', 'modules'],
  source: 'FAQ "How to load the vfio modules?"; kernel 6.2 commit e2d55709398e "vfio: Fold vfio_virqfd.ko into vfio.ko"',
  needs: ['moduleConfig', 'kernel'],
  messages: {
    notListed: 'vfio_virqfd is not listed for loading; kernel {{release}} {{note}}.',
    listedOld: 'vfio_virqfd is listed for loading; kernel {{release}} still has it as a module (it is merged into vfio from 6.2 on).',
    obsolete:
      '{{files}} lists vfio_virqfd, but kernel {{release}} has it built into vfio (since 6.2): systemd-modules-load logs "Failed to find module \'vfio_virqfd\'" at every boot and the unit is marked failed.',
  },
  check({ moduleConfig, kernel }, r) {
    const k = kernel.value;
    const entries = moduleConfig.value.loadAtBoot.filter((e) => e.module === 'vfio_virqfd');
    const merged = atLeast(k, 6, 2);
    if (entries.length === 0)
      return r.pass(
        'notListed',
        { release: k.release, note: merged ? 'has it inside vfio' : 'loads it as a dependency of vfio_pci, so it need not be listed' },
        [...kernel.evidence, ...moduleConfig.evidence.slice(0, MAX_CITED_LINES)],
      );
    if (!merged)
      return r.pass('listedOld', { release: k.release }, [...entries.slice(0, MAX_CITED_LINES).map((e) => e.ref), ...kernel.evidence], {
        despiteGaps: 'on this kernel every listing of vfio_virqfd is harmless, seen or not',
      });
    return r.fail(
      'obsolete',
      { files: [...new Set(entries.map((e) => e.ref.source))].join(', '), release: k.release },
      [...entries.slice(0, MAX_CITED_LINES).map((e) => e.ref), ...kernel.evidence],
      removeModuleLine(
        entries.map((e) => ({ path: e.ref.source, line: e.ref.line })),
        'vfio_virqfd',
        'Harmless for passthrough itself: vfio provides the same code; the line only makes the boot log and systemd-modules-load fail.',
      ),
    );
  },
});
