import { defineRule } from '../src/engine/define-rule.js';
import { inspectBootloaderByHand } from '../src/fixes/regenerate-boot-config.js';

export default defineRule({
  id: 'bootloader-unrecognized',
  title: 'The bootloader and its kernel command line could not be read from the bundle',
  severity: 'info',
  tags: ['boot'],
  source: 'Issue catalog: hosts booting with systemd-boot, a custom EFI stub or unreadable boot files',
  needs: ['bootConfig'],
  optional: ['host'],
  messages: {
    recognized: 'The host boots with {{bootloader}} and its boot entry {{file}} was read.',
    unreadable: 'The boot files {{files}} exist but could not be read, so the boot entry cannot be compared with the running command line.',
    notCollected:
      'No boot file (grub.cfg, BLS entries, /etc/default/grub, /etc/kernel/cmdline) was collected, so the bootloader is not known.',
    unrecognized:
      'No grub.cfg, BLS entry or /etc/kernel/cmdline was found: the host boots with something ptdoctor cannot read (systemd-boot without /etc/kernel/cmdline, a unified kernel image, a custom EFI stub); check the kernel command line it passes by hand.',
  },
  check({ bootConfig }, r) {
    const b = bootConfig.value;
    const generated = b.sources.find((s) => s.role === 'generated');
    // Only boot files that were looked for and found wanting make the bootloader "unrecognized".
    if (!b.looked) return r.unknown('notCollected', {}, ['ls /boot /boot/loader/entries', 'cat /etc/default/grub /etc/kernel/cmdline']);
    if (generated && b.bootloader !== 'unknown')
      return r.pass('recognized', { bootloader: b.bootloader, file: generated.file }, [generated.ref]);
    if (b.unreadable.length > 0)
      return r.unknown(
        'unreadable',
        { files: b.unreadable.map((u) => u.source).join(', ') },
        b.unreadable.map((u) => u.collect),
      );
    return r.fail('unrecognized', {}, bootConfig.evidence, inspectBootloaderByHand());
  },
});
