import { defineRule } from '../src/engine/define-rule.js';
import { missingPassthrough } from '../src/facts/passthrough-params.js';
import { rebootToApply } from '../src/fixes/regenerate-boot-config.js';

export default defineRule({
  id: 'reboot-pending',
  title: 'The boot configuration has passthrough parameters the running kernel did not get',
  severity: 'warning',
  tags: ['boot', 'cmdline'],
  source: 'FAQ "How to verify grub set kernel parameters have taken effect?"',
  needs: ['bootConfig', 'cmdline'],
  messages: {
    applied: 'The running kernel command line matches the passthrough parameters of {{generated}}.',
    pending:
      '{{generated}} differs from /proc/cmdline on passthrough parameters ({{params}}){{changed}}: the host has not been rebooted since the change.',
    noGenerated: 'The boot entry could not be read, so it is unknown whether a reboot would change the kernel command line.',
  },
  check({ bootConfig, cmdline }, r) {
    const generated = bootConfig.value.sources.find((s) => s.role === 'generated');
    if (!generated) {
      const collect = bootConfig.value.unreadable.map((u) => u.collect);
      return r.unknown(
        'noGenerated',
        {},
        collect.length > 0 ? collect : ['sudo ls /boot/grub/grub.cfg /boot/grub2/grub.cfg /boot/efi/EFI/*/grub.cfg /boot/loader/entries'],
      );
    }
    const running = cmdline.value.params;
    const added = missingPassthrough(generated.params, running);
    const removed = missingPassthrough(running, generated.params);
    if (added.length === 0 && removed.length === 0)
      return r.pass('applied', { generated: generated.file }, [generated.ref, cmdline.value.ref]);
    const params = [...added.map((p) => `+${p.raw}`), ...removed.map((p) => `-${p.raw}`)].join(' ');
    const changed = generated.changedSinceBoot === true ? ', and it was modified after the last boot' : '';
    return r.fail(
      'pending',
      { generated: generated.file, params, changed },
      [generated.ref, cmdline.value.ref],
      rebootToApply(
        added.map((p) => p.raw),
        removed.map((p) => p.raw),
      ),
    );
  },
});
