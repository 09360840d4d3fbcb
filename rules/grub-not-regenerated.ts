import { defineRule } from '../src/engine/define-rule.js';
import { isPassthroughParam, missingPassthrough } from '../src/facts/passthrough-params.js';
import { regenerateBootConfig } from '../src/fixes/regenerate-boot-config.js';

export default defineRule({
  id: 'grub-not-regenerated',
  title: 'Passthrough parameters were added to the bootloader settings but the boot entry was not regenerated',
  severity: 'error',
  tags: ['boot', 'grub'],
  source: 'FAQ "How to verify grub set kernel parameters have taken effect?"',
  needs: ['bootConfig', 'host'],
  messages: {
    regenerated: 'The boot entry in {{generated}} carries every passthrough parameter set in {{sources}}.',
    stale:
      '{{sources}} sets {{params}}, but the boot entry in {{generated}} does not: the bootloader configuration was not regenerated, so no reboot will apply them.',
    noPassthrough: '{{sources}} sets no passthrough parameters; nothing to regenerate.',
    noSource: 'No editable bootloader settings (/etc/default/grub, /etc/kernel/cmdline) are in the bundle.',
    noGenerated: 'The boot entry the host boots from could not be read, so it cannot be compared with {{sources}}.',
  },
  check({ bootConfig, host }, r) {
    const sources = bootConfig.value.sources.filter((s) => s.role === 'source');
    if (sources.length === 0) return r.skip('noSource', {});
    const names = [...new Set(sources.map((s) => s.file))].join(', ');
    const wanted = sources.flatMap((s) => s.params);
    const generated = bootConfig.value.sources.find((s) => s.role === 'generated');
    if (!generated) {
      const collect = bootConfig.value.unreadable.map((u) => u.collect);
      return r.unknown(
        'noGenerated',
        { sources: names },
        collect.length > 0 ? collect : ['sudo ls /boot/grub/grub.cfg /boot/grub2/grub.cfg /boot/efi/EFI/*/grub.cfg /boot/loader/entries'],
      );
    }
    const missing = missingPassthrough(wanted, generated.params);
    if (missing.length === 0) {
      return wanted.some(isPassthroughParam)
        ? r.pass('regenerated', { generated: generated.file, sources: names }, [...sources.map((s) => s.ref), generated.ref])
        : r.pass(
            'noPassthrough',
            { sources: names },
            sources.map((s) => s.ref),
          );
    }
    const raws = missing.map((p) => p.raw);
    const refs = sources.filter((s) => s.params.some((p) => missing.includes(p))).map((s) => s.ref);
    return r.fail(
      'stale',
      { sources: names, generated: generated.file, params: raws.join(' ') },
      [...refs, generated.ref],
      regenerateBootConfig(host.value, raws, `Regenerate ${generated.file} so the boot entry carries ${raws.join(' ')}`),
    );
  },
});
